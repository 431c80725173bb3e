import {
  Component,
  booleanAttribute,
  computed,
  effect,
  inject,
  input,
  model,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldAppearance, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

import { LanguageService } from '../../../core/i18n/language.service';
import { ControlError } from '../control-error';
import { ISO_DATE_FORMATS, IsoDateAdapter } from './iso-date-adapter';
import { TranslatedDatepickerIntl } from './translated-datepicker-intl';

/**
 * A date (`yyyy-MM-dd`, the contracts' date format) typed day first — `15/12/2026` in both
 * languages (dateLocale), ISO `2026-12-15` too — or picked in Material's calendar (the toggle button, or
 * Alt+↓ in the field). Unreadable text (`31/02/2026`, `abc`) leaves the control invalid with an error
 * under the field, never another date. A native `<input type="date">` would follow the browser's
 * language, not the app's.
 *
 * In a form: `<app-date-field [control]="form.controls.validUntil" [label]="t('…')" testId="…" />`;
 * the control gets the ISO string, or null once emptied or while the text is unreadable.
 * As a list filter: `<app-date-field filter [(value)]="list.filters.from" [label]="…" />`; the value is
 * the ISO string or `''`, and only changes when the text is a date (or emptied).
 *
 * A date with its time: DateTimeField (date-time-field.ts), which uses this field for the date.
 */
@Component({
  selector: 'app-date-field',
  imports: [
    ControlError,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  providers: [
    { provide: DateAdapter, useClass: IsoDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: ISO_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ],
  template: `
    <mat-form-field
      [appearance]="filter() ? 'outline' : appearance()"
      [subscriptSizing]="filter() ? 'dynamic' : 'fixed'"
    >
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        autocomplete="off"
        [matDatepicker]="picker"
        [min]="min()"
        [max]="max()"
        [placeholder]="'datepicker.placeholder' | transloco"
        [formControl]="bound()"
        [attr.data-testid]="testId()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.data-testid]="toggleTestId()" />
      <app-control-error matError [control]="bound()" [messages]="messages()" />
    </mat-form-field>
    <mat-datepicker #picker />
  `,
  styleUrl: '../field.scss',
  // As a list filter the field is as wide as a date needs (every list's toolbar alike), the whole
  // row on a phone. On a desktop its error hangs under it, out of the row's flow, so the filters
  // beside it stay level with it (the toolbar leaves the error its room: styles.scss).
  styles: `
    :host(.list-filter) {
      width: 10rem;
    }

    @media (min-width: 600px) {
      :host(.list-filter) mat-form-field {
        position: relative;
      }

      :host(.list-filter) ::ng-deep .mat-mdc-form-field-subscript-wrapper {
        position: absolute;
        top: 100%;
        inset-inline: 0;
        white-space: nowrap;
      }
    }

    @media (max-width: 599px) {
      :host(.list-filter) {
        width: 100%;
      }
    }
  `,
  host: { '[class.list-filter]': 'filter()' },
})
export class DateField {
  /** The form's control; without one, the field edits `value` (a list filter). */
  readonly control = input<FormControl<string> | FormControl<string | null>>();
  /** `yyyy-MM-dd` or `''`, when there is no `control`. */
  readonly value = model('');
  /** Translated. */
  readonly label = input.required<string>();
  /** Earliest and latest dates the calendar offers and the control accepts (`yyyy-MM-dd`). */
  readonly min = input<string | null>(null);
  readonly max = input<string | null>(null);
  readonly appearance = input<MatFormFieldAppearance>('fill');
  /** Outlined and without a reserved error line, as the other filters of a list's toolbar. */
  readonly filter = input(false, { transform: booleanAttribute });
  readonly testId = input<string>();
  /** Replaces the generic text of an error key, as ControlError's `messages`. */
  readonly messages = input<Readonly<Record<string, string>>>({});

  private readonly own = new FormControl<string | null>(null);
  protected readonly bound = computed(() => this.control() ?? this.own);
  protected readonly toggleTestId = computed(() => {
    const id = this.testId();
    return id ? `${id}-calendar` : null;
  });

  constructor() {
    // Dates are read and written in the UI language, switched at runtime.
    const adapter = inject(DateAdapter);
    const lang = inject(LanguageService).active;
    adapter.setLocale(untracked(lang));
    effect(() => adapter.setLocale(lang()));

    effect(() => {
      const value = this.value() || null;
      if (!this.control() && value !== this.own.value) this.own.setValue(value, { emitEvent: false });
    });
    // Unreadable text keeps the filter as it was (the error says why); a date or an empty field applies.
    this.own.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (this.own.valid) this.value.set(value ?? '');
    });
  }
}
