import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  forwardRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Client, Lead, Opportunity } from '@velosi/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

import { listParams, parsePage, type QueryValue } from '../../sales/record-api';

/** What a picker can pick. */
export type PickableKind = 'clients' | 'leads' | 'opportunities';

type Pickable = Client | Lead | Opportunity;

/** One choice of the picker: the id and the label shown. */
export interface PickedRecord {
  readonly id: string;
  readonly label: string;
}

function labelOf(kind: PickableKind, record: Pickable): string {
  if (kind === 'clients') return (record as Client).name;
  if (kind === 'opportunities') return (record as Opportunity).title;
  const lead = record as Lead;
  return lead.company ? `${lead.fullName} — ${lead.company}` : lead.fullName;
}

/**
 * Search-as-you-type choice of a client, a lead or an opportunity, for reactive forms: the
 * control's value is the record id (string) or null. `<app-record-picker kind="clients"
 * formControlName="clientId" [label]="t('…')" testId="quote-client" />`. Searches
 * `GET /api/<kind>?q=` plus `filters` (e.g. `{ clientId }` to offer one client's opportunities);
 * visibility applies: a commercial only finds their own records.
 */
@Component({
  selector: 'app-record-picker',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  providers: [
    provideTranslocoScope('sales'),
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => RecordPicker), multi: true },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="picker" subscriptSizing="dynamic" *transloco="let t">
      <mat-label>{{ label() || t('sales.picker.' + kind()) }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        [attr.data-testid]="testId()"
        [value]="text()"
        [disabled]="disabled()"
        [required]="required() || mandatory()"
        [matAutocomplete]="auto"
        (input)="onInput($event)"
        (blur)="onTouched()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="select($event)">
        @for (option of options(); track option.id) {
          <mat-option [value]="option" [attr.data-testid]="testId() + '-option'">{{
            option.label
          }}</mat-option>
        } @empty {
          @if (query().length > 0) {
            <mat-option disabled>{{ t('sales.picker.none') }}</mat-option>
          }
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() || t('sales.picker.hint') }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
  `,
})
export class RecordPicker implements ControlValueAccessor {
  readonly kind = input.required<PickableKind>();
  readonly label = input<string>('');
  readonly testId = input<string>('record-picker');
  readonly required = input(false);
  /**
   * Shows the field as required (asterisk) without Angular's RequiredValidator, for a form that
   * checks the value itself (the quote editor's client/prospect switch).
   */
  readonly mandatory = input(false);
  readonly hint = input<string>('');
  /** Extra list filters; a change re-runs the search. */
  readonly filters = input<Readonly<Record<string, QueryValue>>>({});

  private readonly http = inject(HttpClient);
  protected readonly text = signal('');
  protected readonly query = signal('');
  protected readonly disabled = signal(false);
  private value: string | null = null;
  private onChange: (value: string | null) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  private readonly search = computed(() => ({ ...this.filters(), q: this.query() }));

  protected readonly options = toSignal(
    toObservable(this.search).pipe(
      debounceTime(250),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      switchMap((search) =>
        this.http
          .get<unknown>(`/api/${this.kind()}`, { params: listParams({ ...search, pageSize: 10, page: 1 }) })
          .pipe(
            map((raw) =>
              parsePage<Pickable>(raw).items.map((r) => ({ id: r.id, label: labelOf(this.kind(), r) })),
            ),
            catchError(() => of<PickedRecord[]>([])),
          ),
      ),
    ),
    { initialValue: [] as PickedRecord[] },
  );

  protected readonly display = (option: PickedRecord | string | null): string =>
    typeof option === 'string' ? option : (option?.label ?? '');

  writeValue(id: string | null): void {
    this.value = id;
    if (!id) {
      this.text.set('');
      return;
    }
    // Show the record's name, not its id.
    this.http.get<Pickable>(`/api/${this.kind()}/${encodeURIComponent(id)}`).subscribe({
      next: (record) => {
        if (this.value === id) this.text.set(labelOf(this.kind(), record));
      },
      error: () => this.text.set(id),
    });
  }

  registerOnChange(fn: (value: string | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected onInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.text.set(text);
    this.query.set(text.trim());
    // Typing again drops the previous choice until an option is picked.
    if (this.value !== null) {
      this.value = null;
      this.onChange(null);
    }
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const picked = event.option.value as PickedRecord;
    this.value = picked.id;
    this.text.set(picked.label);
    this.onChange(picked.id);
  }
}
