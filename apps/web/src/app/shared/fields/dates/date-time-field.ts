import { ChangeDetectorRef, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

import { ControlError } from '../control-error';
import { DateField } from './date-field';
import { DateTimeParts } from './date-time-parts';

/**
 * A local date and time in the UI language: the date as the date field reads it (fr `15/12/2026`,
 * en `12/15/2026`, or the calendar) and a 24-hour time (`14:30`, `14h30`, `1430`). A native
 * `<input type="datetime-local">` would follow the browser's language, not the app's.
 *
 * `<app-date-time-field [control]="form.controls.dueAt" [label]="t('…')" testId="activity-dueAt" />`:
 * the control keeps the `datetime-local` format (`yyyy-MM-ddTHH:mm`, `''` when empty; convert with
 * localInputToIso / isoToLocalInput from form-problem). An unreadable date or time, or one given
 * without the other, leaves it invalid with the reason under the part concerned. The date input's
 * test id is `testId`, the time's `testId-time`.
 */
@Component({
  selector: 'app-date-time-field',
  imports: [ControlError, DateField, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    @if (parts(); as p) {
      <div class="parts" role="group" [attr.aria-label]="label()">
        <app-date-field class="date" [control]="p.date" [label]="label()" [testId]="testId()" />
        <mat-form-field class="time">
          <mat-label>{{ 'dateTime.time' | transloco }}</mat-label>
          <input
            matInput
            autocomplete="off"
            inputmode="numeric"
            [placeholder]="'dateTime.placeholder' | transloco"
            [formControl]="p.time"
            [errorStateMatcher]="p.timeErrorState"
            [attr.aria-label]="label() + ', ' + ('dateTime.time' | transloco)"
            [attr.data-testid]="timeTestId()"
            (blur)="p.tidyTime()"
          />
          @if (!p.outerErrorShown()) {
            <app-control-error matError [control]="p.time" />
          }
        </mat-form-field>
      </div>
      <!-- An error of the whole date and time (in the future, before an earlier step) spans both
           parts: under the narrow time field it wrapped a word a line, over the next field. -->
      @if (p.outerErrorShown() && (p.outer.touched || p.time.touched)) {
        <app-control-error
          class="mat-mdc-form-field-error whole-error"
          role="alert"
          [control]="p.outer"
          [messages]="messages()"
        />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .parts {
      display: flex;
      flex-wrap: wrap;
      column-gap: 8px;
    }
    /* Side by side from about 270 px (a cell of a two-column dialog), the time under the date below. */
    .date {
      flex: 1 1 10.5rem;
    }
    .time {
      flex: 0 1 6rem;
      min-width: 5.5rem;
    }
    /* Placed as the parts' own error lines are (Material's subscript), over the space they keep. */
    .whole-error {
      display: block;
      margin: -20px 0 4px;
      padding: 0 16px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DateTimeField {
  /** The form's control: `yyyy-MM-ddTHH:mm` or `''` (or null). */
  readonly control = input.required<FormControl<string> | FormControl<string | null>>();
  /** Translated. */
  readonly label = input.required<string>();
  readonly testId = input<string>();
  /** Replaces the generic text of an error key of the form's control, as ControlError's `messages`. */
  readonly messages = input<Readonly<Record<string, string>>>({});

  protected readonly parts = signal<DateTimeParts | null>(null);
  protected readonly timeTestId = computed(() => {
    const id = this.testId();
    return id ? `${id}-time` : null;
  });

  constructor() {
    const changes = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const parts = new DateTimeParts(this.control());
      // Submitting (touched), a reset or the API's errors come from outside this view.
      const events = parts.outer.events.subscribe(() => changes.markForCheck());
      this.parts.set(parts);
      onCleanup(() => {
        events.unsubscribe();
        parts.dispose();
      });
    });
  }
}
