import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectorRef, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import { startWith, switchMap } from 'rxjs';

import { registerSalesIcons } from '../ui/sales-icons';
import { ControlError } from './control-error';

/** A value the user may pick, and how it is shown (a colleague's id and name). */
export interface ChipChoice {
  readonly value: string;
  readonly label: string;
  /** Also matched when typing (e.g. the username). */
  readonly detail?: string;
}

/** Lower case without accents: "é" is found by typing "e". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * A list of short values as Material chips, for a `FormControl<string[]>`:
 * - free text (lead tags, competitors): Enter or comma adds what is typed (trimmed, no repeats,
 *   at most `maxLength` characters and `maxCount` values, the contract's limits), leaving the field
 *   adds it too; `<app-chips-field [control]="form.controls.tags" [label]="t('…')" [maxLength]="50" />`;
 * - with `choices`: values are picked from an autocomplete filtered as one types (see
 *   AssigneesField), and each chip shows its choice's label.
 * Keyboard: arrows move in the suggestions, Enter picks; Backspace in the empty input goes to the
 * last chip, Backspace/Delete on a chip removes it, arrows move between chips.
 */
@Component({
  selector: 'app-chips-field',
  imports: [
    ControlError,
    MatAutocompleteModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('fields')],
  template: `
    <mat-form-field *transloco="let t">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid
        #grid
        [formControl]="control()"
        [attr.aria-label]="label()"
        [attr.data-testid]="testId()"
      >
        @for (value of values(); track value) {
          <mat-chip-row
            [value]="value"
            (removed)="remove(value)"
            [attr.data-testid]="testId() ? testId() + '-chip' : null"
          >
            {{ labelOf(value) }}
            <button
              matChipRemove
              type="button"
              [attr.aria-label]="t('fields.chips.remove', { value: labelOf(value) })"
            >
              <mat-icon svgIcon="cancel" />
            </button>
          </mat-chip-row>
        }
        <input
          [placeholder]="placeholder() || (choices() ? t('fields.chips.pick') : t('fields.chips.type'))"
          autocomplete="off"
          [attr.maxlength]="choices() ? null : maxLength()"
          [attr.data-testid]="testId() ? testId() + '-input' : null"
          [value]="query()"
          [matChipInputFor]="grid"
          [matChipInputSeparatorKeyCodes]="choices() ? [] : separators"
          [matChipInputAddOnBlur]="!choices()"
          [matAutocomplete]="auto"
          [matAutocompleteDisabled]="!choices()"
          (matChipInputTokenEnd)="addTyped($event)"
          (input)="onInput($event)"
        />
      </mat-chip-grid>
      <mat-autocomplete
        #auto="matAutocomplete"
        autoActiveFirstOption
        [displayWith]="noText"
        (optionSelected)="pick($event)"
      >
        @for (choice of suggestions(); track choice.value) {
          <mat-option [value]="choice.value" [attr.data-testid]="testId() ? testId() + '-option' : null">
            {{ choice.label }}
            @if (choice.detail) {
              <span class="detail">{{ choice.detail }}</span>
            }
          </mat-option>
        } @empty {
          <mat-option disabled>{{ t('fields.chips.none') }}</mat-option>
        }
      </mat-autocomplete>
      <!-- Free text only; one node per @if, or the form field cannot project it into its hint slot. -->
      @if (!choices()) {
        <mat-hint>{{ t('fields.chips.hint') }}</mat-hint>
      }
      @if (!choices()) {
        <mat-hint align="end">{{ values().length }} / {{ maxCount() }}</mat-hint>
      }
      <app-control-error matError [control]="control()" />
    </mat-form-field>
  `,
  styleUrl: './field.scss',
  styles: `
    .detail {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ChipsField {
  readonly control = input.required<FormControl<string[]>>();
  /** Translated. */
  readonly label = input.required<string>();
  readonly testId = input<string>();
  /** Translated; a generic "type / pick" text by default. */
  readonly placeholder = input<string>();
  /** Free text limits (the contract's: the API refuses more). */
  readonly maxLength = input(100);
  readonly maxCount = input(20);
  /** Given: values are picked among these instead of typed. */
  readonly choices = input<readonly ChipChoice[]>();

  protected readonly separators = [ENTER, COMMA];
  protected readonly query = signal('');
  /** A picked option leaves the input empty (its value is an id, not text to show). */
  protected readonly noText = () => '';

  /** The control's value, followed as it changes (reactive forms have no signal for it). */
  protected readonly values = toSignal(
    toObservable(this.control).pipe(switchMap((c) => c.valueChanges.pipe(startWith(c.value)))),
    { initialValue: [] as string[] },
  );

  private readonly labels = computed(() => new Map((this.choices() ?? []).map((c) => [c.value, c.label])));

  /** Choices not picked yet that match what is typed (label or detail, accents ignored). */
  protected readonly suggestions = computed(() => {
    const picked = new Set(this.values());
    const wanted = fold(this.query().trim());
    return (this.choices() ?? []).filter(
      (c) => !picked.has(c.value) && fold(`${c.label} ${c.detail ?? ''}`).includes(wanted),
    );
  });

  constructor() {
    registerSalesIcons();
    // The chip grid works out its error state when this view is checked: an error the API sets
    // on the control (setErrors after a 400) must get this OnPush view checked to show.
    const view = inject(ChangeDetectorRef);
    toObservable(this.control)
      .pipe(
        switchMap((c) => c.events),
        takeUntilDestroyed(),
      )
      .subscribe(() => view.markForCheck());
  }

  /** What a chip shows: its choice's label, else the value itself (an id no choice names). */
  protected labelOf(value: string): string {
    return this.labels().get(value) ?? value;
  }

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected addTyped(event: MatChipInputEvent): void {
    const value = event.value.trim();
    const values = this.values();
    if (
      value &&
      !values.includes(value) &&
      values.length < this.maxCount() &&
      value.length <= this.maxLength()
    ) {
      this.set([...values, value]);
    }
    // A repeat or an over-long value is dropped like an empty one: the input empties either way.
    event.chipInput.clear();
    this.query.set('');
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const value = String(event.option.value);
    if (!this.values().includes(value)) this.set([...this.values(), value]);
    this.query.set('');
  }

  protected remove(value: string): void {
    this.set(this.values().filter((v) => v !== value));
  }

  private set(values: string[]): void {
    const control = this.control();
    control.setValue(values);
    control.markAsDirty();
    control.markAsTouched();
  }
}
