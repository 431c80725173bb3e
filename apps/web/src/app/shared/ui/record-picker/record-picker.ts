import { HttpClient } from '@angular/common/http';
import {
  Component,
  DestroyRef,
  DoCheck,
  ElementRef,
  Injector,
  OnInit,
  computed,
  effect,
  forwardRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, ControlValueAccessor, NG_VALUE_ACCESSOR, NgControl } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import {
  MatAutocompleteModule,
  MatAutocompleteSelectedEvent,
  MatAutocompleteTrigger,
} from '@angular/material/autocomplete';
import { MatFormFieldModule, type MatFormFieldAppearance } from '@angular/material/form-field';
import { MatInput, MatInputModule } from '@angular/material/input';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

import { LanguageService } from '../../../core/i18n/language.service';
import { ControlError } from '../../fields/control-error';
import { listParams, parsePage, type QueryValue } from '../../sales/record-api';
import { pickerSource, type PickableKind, type PickableRecord } from './picker-sources';

export type { PickableKind, PickableRecord } from './picker-sources';

/** One choice of the picker: the control's value (id or code), the label shown and the row. */
export interface PickedRecord {
  readonly id: string;
  readonly label: string;
  readonly record: PickableRecord;
}

/**
 * Search-as-you-type choice of a sales record (client, lead, opportunity: the control holds its
 * id) or of a reference row (location, carrier, equipment, charge type: the control holds its
 * code), shown by name and code ("Radès (TNRDS)"); arrow keys and Enter pick.
 * `<app-record-picker kind="clients" formControlName="clientId" [label]="t('…')" testId="quote-client" />`.
 * Searches `GET /api/<kind>?q=` plus `filters` (e.g. `{ clientId }` to offer one client's
 * opportunities); visibility applies: a commercial only finds their own records. `picked` gives
 * the chosen row (a charge type fills its line).
 */
@Component({
  selector: 'app-record-picker',
  imports: [ControlError, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  providers: [
    provideTranslocoScope('sales'),
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => RecordPicker), multi: true },
  ],
  template: `
    <mat-form-field
      class="picker"
      [class.in-error]="inError()"
      subscriptSizing="dynamic"
      [appearance]="appearance()"
      *transloco="let t"
    >
      <mat-label>{{ label() || t('sales.picker.' + kind()) }}</mat-label>
      <input
        #field
        matInput
        type="search"
        autocomplete="off"
        [attr.data-testid]="testId()"
        [value]="text()"
        [disabled]="disabled()"
        [required]="required() || mandatory()"
        [matAutocomplete]="auto"
        [errorStateMatcher]="errorState"
        (input)="onInput($event)"
        (blur)="onTouched()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="select($event)">
        @for (option of options(); track option.id) {
          <mat-option [value]="option" [attr.data-testid]="testId() + '-option'">{{
            option.label
          }}</mat-option>
        } @empty {
          @if (searching()) {
            <mat-option disabled class="no-match">{{ t('sales.picker.searching') }}</mat-option>
          } @else if (query().length > 0) {
            <mat-option disabled class="no-match">{{ noMatch() || t('sales.picker.none') }}</mat-option>
          }
        }
      </mat-autocomplete>
      @if (showHint()) {
        <mat-hint>{{ hint() || t('sales.picker.hint') }}</mat-hint>
      }
      @if (outerControl(); as control) {
        <app-control-error matError [control]="control" [messages]="messages()" />
      }
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
  `,
})
export class RecordPicker implements ControlValueAccessor, OnInit, DoCheck {
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
  /** Words of the form's own errors on this field (ControlError's `messages`). */
  readonly messages = input<Readonly<Record<string, string>>>({});
  /** What a search that finds nothing says, when a generic "no match" leaves the user stuck. */
  readonly noMatch = input<string>('');
  /** False in tight cells (a quote line): the label and the options say enough. */
  readonly showHint = input(true);
  /** `outline` in a list's filter bar, like the filters beside it. */
  readonly appearance = input<MatFormFieldAppearance>('fill');
  /** Extra list filters; a change re-runs the search. */
  readonly filters = input<Readonly<Record<string, QueryValue>>>({});
  /** The row chosen from the list (not emitted when the form writes a value). */
  readonly picked = output<PickableRecord>();

  private readonly http = inject(HttpClient);
  private readonly lang = inject(LanguageService).active;
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  /**
   * The form's control bound to the picker: its errors (a required client left empty on submit, an
   * id the API refused) are shown on the search field, as any other field shows its own.
   */
  protected readonly outerControl = signal<AbstractControl | null>(null);
  private ngControl: NgControl | null = null;
  private readonly outerEvents = signal(0);
  // Read by the template too, so a touch or a status change refreshes the field's error state.
  protected readonly inError = computed(() => {
    this.outerEvents();
    const control = this.outerControl();
    return !!control && control.invalid && control.touched;
  });
  protected readonly errorState: ErrorStateMatcher = { isErrorState: () => this.inError() };
  // The inner input has no form control of its own, so Material never re-reads its error state:
  // tell it whenever the outer control's state moves.
  private readonly input = viewChild(MatInput);
  private readonly field = viewChild<ElementRef<HTMLInputElement>>('field');
  private readonly trigger = viewChild(MatAutocompleteTrigger);
  private readonly followErrorState = effect(() => {
    this.inError();
    this.input()?.updateErrorState();
  });
  protected readonly text = signal('');
  protected readonly query = signal('');
  protected readonly disabled = signal(false);
  private value: string | null = null;
  private onChange: (value: string | null) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  // The kind apart from the query: a list filter may be named `kind` too (locations by kind).
  // `key` tells one search from another (what the results answer).
  private readonly search = computed(() => {
    const kind = this.kind();
    const params = { ...this.filters(), q: this.query() };
    return { kind, params, key: JSON.stringify([kind, params]) };
  });

  /**
   * The rows found, with the search they answer. Until the answer to what is typed now arrives,
   * no option is offered: an Enter typed right after "Lyon" picked the first row of the previous
   * list (a quote went to the wrong client).
   */
  private readonly results = toSignal(
    toObservable(this.search).pipe(
      debounceTime(250),
      distinctUntilChanged((a, b) => a.key === b.key),
      switchMap((search) =>
        this.http
          .get<unknown>(`/api/${search.kind}`, {
            params: listParams({ ...search.params, pageSize: 10, page: 1 }),
          })
          .pipe(
            map((raw) => parsePage<PickableRecord>(raw).items.map((r) => this.choice(search.kind, r))),
            catchError(() => of<PickedRecord[]>([])),
            map((items) => ({ answers: search.key, items })),
          ),
      ),
    ),
    { initialValue: { answers: '', items: [] as PickedRecord[] } },
  );
  protected readonly searching = computed(() => this.results().answers !== this.search().key);
  protected readonly options = computed(() => (this.searching() ? [] : this.results().items));

  protected readonly display = (option: PickedRecord | string | null): string =>
    typeof option === 'string' ? option : (option?.label ?? '');

  private choice(kind: PickableKind, record: PickableRecord): PickedRecord {
    const source = pickerSource(kind);
    return { id: source.valueOf(record), label: source.labelOf(record, this.lang()), record };
  }

  ngOnInit(): void {
    // Read once the form directive exists (asked in the constructor it would need this accessor).
    this.ngControl = this.injector.get(NgControl, null, { self: true, optional: true });
  }

  ngDoCheck(): void {
    // `formControlName` binds its control after this component's first hooks: follow it once it has.
    const control = this.ngControl?.control;
    if (!control || control === this.outerControl()) return;
    this.outerControl.set(control);
    control.events
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.outerEvents.update((n) => n + 1));
  }

  writeValue(id: string | null): void {
    this.value = id;
    if (!id) {
      this.text.set('');
      return;
    }
    // Show the record's name, not its id or bare code. A code is found again by searching it.
    const kind = this.kind();
    const source = pickerSource(kind);
    const found = source.byCode
      ? this.http
          .get<unknown>(`/api/${kind}`, { params: listParams({ q: id, pageSize: 20, page: 1 }) })
          .pipe(map((raw) => parsePage<PickableRecord>(raw).items.find((r) => source.valueOf(r) === id)))
      : this.http.get<PickableRecord>(`/api/${kind}/${encodeURIComponent(id)}`);
    found.subscribe({
      next: (record) => {
        if (this.value === id) this.text.set(record ? this.choice(kind, record).label : id);
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
    if (!this.options().includes(picked)) {
      // An option of an earlier search, still on screen for a frame when Enter came right after
      // the typing: keep what was typed and show the answer once it is there.
      event.option.deselect();
      const field = this.field()?.nativeElement;
      if (field) field.value = this.text();
      this.trigger()?.openPanel();
      return;
    }
    this.value = picked.id;
    this.text.set(picked.label);
    this.onChange(picked.id);
    this.picked.emit(picked.record);
  }
}
