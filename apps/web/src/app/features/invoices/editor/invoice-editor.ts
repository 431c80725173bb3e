import { HttpClient } from '@angular/common/http';
import { Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Client, Invoice } from '@velosi/contracts';
import { BASE_CURRENCY, COMMON_CURRENCIES, VAT_RATES } from '@velosi/contracts/vocabulary';
import { EMPTY, Observable, map, startWith } from 'rxjs';

import { ExchangeRatesApi } from '../../../core/api/exchange-rates-api';
import { readProblem } from '../../../core/http/problem';
import { RowActions } from '../../../shared/detail/row-actions';
import { ControlError } from '../../../shared/fields/control-error';
import { applyFieldErrors } from '../../../shared/forms/form-errors';
import { invalidFieldFocus } from '../../../shared/forms/focus-invalid';
import { amountControl, quantityControl, rateControl } from '../../../shared/forms/priced-line-controls';
import { type ProposedRate, rateForCurrency, rateHint } from '../../quotes/editor/rate-hint';
import { HasUnsavedChanges, warnBeforeUnload } from '../../../shared/forms/unsaved-changes';
import { ConflictNotifier } from '../../../shared/sales/conflict-notifier';
import { isConflict } from '../../../shared/sales/record-api';
import { Notifier } from '../../../shared/ui/notifier';
import { RecordPicker } from '../../../shared/ui/record-picker/record-picker';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { InvoiceTotals } from '../invoice-totals';
import { InvoicesApi } from '../invoices-api';
import {
  InvoiceEditorValue,
  InvoiceLineValue,
  createRequest,
  editorValueOf,
  emptyLine,
  liveTotals,
  pricingTerms,
  updateRequest,
} from './invoice-editor-model';
import { LocalPercentPipe } from '../../../shared/ui/local-percent.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { DecimalLanguageInput } from '../../../shared/forms/decimal-language-input';

/** What a rate proposal reads and writes: the invoice's header or one of its lines. */
interface CurrencyAndRate {
  currency: FormControl<string>;
  exchangeRate: FormControl<string>;
}

type LineGroup = FormGroup<{ [K in keyof InvoiceLineValue]: FormControl<InvoiceLineValue[K]> }>;

/** One line's controls: decimals checked as the contracts check them, each error on its field. */
function lineGroup(line: InvoiceLineValue): LineGroup {
  const c = <T>(value: T) => new FormControl<T>(value, { nonNullable: true });
  return new FormGroup({
    chargeTypeCode: c(line.chargeTypeCode),
    description: new FormControl(line.description, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
    quantity: quantityControl(line.quantity),
    unitPrice: amountControl(line.unitPrice),
    currency: c(line.currency),
    exchangeRate: rateControl(line.exchangeRate),
    vatRate: c(line.vatRate),
    isDisbursement: c(line.isDisbursement),
    jobChargeId: c(line.jobChargeId),
  });
}

/**
 * `/invoices/new` and `/invoices/:id/edit`: a hand-made invoice or a draft. Totals are computed
 * live with the contracts' invoice math (what the API prices with) and the request is checked with
 * the contract's schema before it is sent; a stale version (409) shows the conflict notifier.
 */
@Component({
  selector: 'app-invoice-editor',
  imports: [
    ControlError,
    DecimalLanguageInput,
    LocalPercentPipe,
    InvoiceTotals,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    RecordPicker,
    RouterLink,
    RowActions,
    TranslocoDirective,
  ],
  templateUrl: './invoice-editor.html',
  styleUrl: './invoice-editor.scss',
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
})
export class InvoiceEditor implements HasUnsavedChanges {
  /** Absent on `/invoices/new`. */
  readonly id = input<string>();

  protected readonly lang = inject(LanguageService).active;
  private readonly api = inject(InvoicesApi);
  private readonly focusInvalid = invalidFieldFocus();
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly rates = inject(ExchangeRatesApi);

  protected readonly currencies = COMMON_CURRENCIES;
  protected readonly vatRates = VAT_RATES;
  protected readonly lines = new FormArray<LineGroup>([lineGroup(emptyLine())]);
  protected readonly form = new FormGroup({
    clientId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    currency: new FormControl('TND', { nonNullable: true }),
    exchangeRate: rateControl(),
    customerReference: new FormControl('', { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true }),
    lines: this.lines,
  });
  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue() as InvoiceEditorValue),
    ),
    { requireSync: true },
  );

  protected readonly draft = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params).pipe(map((invoice) => this.load(invoice))),
  });
  private readonly client = rxResource({
    params: () => (this.id() ? undefined : (this.value().clientId ?? undefined)),
    stream: ({ params }): Observable<Client> =>
      params ? this.http.get<Client>(`/api/clients/${encodeURIComponent(params)}`) : EMPTY,
  });
  protected readonly totals = computed(() => {
    const value = this.value();
    const client = this.client.value();
    const terms = pricingTerms(value, this.draft.value() ?? null, client ?? null);
    return liveTotals(value, terms);
  });
  protected readonly saving = signal(false);
  protected readonly invalid = signal(false);

  constructor() {
    registerSalesIcons();
    // The banner asked to fix the marked fields: it goes once they are all right again.
    this.form.statusChanges
      .pipe(takeUntilDestroyed())
      .subscribe((status) => status === 'VALID' && this.invalid.set(false));
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty && !this.saving();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this.hasUnsavedChanges());
  }

  /** Day's reference rates proposed in rate fields (the header's or a line's), for their hints. */
  protected readonly proposedRates = signal<ReadonlyMap<AbstractControl, ProposedRate>>(new Map());
  protected readonly rateHint = rateHint;

  /** A currency chosen for the invoice or a line: TND at 1, another at the day's reference rate. */
  protected onCurrency(group: AbstractControl & { readonly controls: CurrencyAndRate }): void {
    const forget = (map: ReadonlyMap<AbstractControl, ProposedRate>) =>
      new Map([...map].filter(([control]) => control !== group));
    this.proposedRates.update(forget);
    rateForCurrency(this.rates, group.controls, this.lang(), (proposed) =>
      this.proposedRates.update((map) => new Map(forget(map)).set(group, proposed)),
    );
  }

  /** The invoice's currency before the user's last choice (the lines still in it follow a change). */
  private invoiceCurrency: string = BASE_CURRENCY;

  /** The lines typed in this editor (not those of a saved draft or of a job, priced already). */
  private readonly typedHere = new WeakSet<LineGroup>([this.lines.at(0)]);

  /**
   * The invoice's currency: its rate, and the lines typed here that still have the one chosen
   * before (never picked on the line) follow it — an invoice in EUR is priced in EUR unless a line
   * says otherwise. A line already priced (a draft's, a job's "1 459,50 EUR") keeps its currency: a
   * tester's EUR freight became 1 459,500 TND when the invoice moved to TND.
   */
  protected onInvoiceCurrency(): void {
    this.onCurrency(this.form);
    const previous = this.invoiceCurrency;
    const currency = this.form.controls.currency.value;
    this.invoiceCurrency = currency;
    for (const line of this.lines.controls) {
      if (!this.typedHere.has(line)) continue;
      if (line.controls.currency.dirty || line.controls.currency.value !== previous) continue;
      line.controls.currency.setValue(currency);
      this.onCurrency(line);
    }
  }

  /** A new line in the invoice's currency (its rate proposed as the header's was). */
  protected addLine(): void {
    const line = lineGroup(emptyLine());
    this.typedHere.add(line);
    this.lines.push(line);
    const currency = this.form.controls.currency.value;
    if (currency !== line.controls.currency.value) {
      line.controls.currency.setValue(currency);
      this.onCurrency(line);
    }
    this.form.markAsDirty();
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
    this.form.markAsDirty();
  }

  protected save(): void {
    const value = this.value();
    const draft = this.draft.value();
    this.form.markAllAsTouched();
    const request = draft ? this.updateOf(draft, value) : this.createOf(value);
    if (!request || this.form.invalid) {
      this.invalid.set(true);
      this.focusInvalid();
      return;
    }
    this.invalid.set(false);
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.form.markAsPristine();
        this.saving.set(false);
        this.notifier.success('invoices.editor.saved');
        void this.router.navigate(['/invoices', saved.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConflict(error) && draft) this.conflicts.showConflict(() => this.draft.reload());
        else if (!this.onFields(error)) this.notifier.problem(error);
      },
    });
  }

  /**
   * The API's field errors under their fields (a line's rate too), in the reader's language where
   * the API words them alike; false when some fit no field (the notifier says them).
   */
  private onFields(error: unknown): boolean {
    const problem = readProblem(error);
    if (!problem.errors?.length) return false;
    const unmatched = applyFieldErrors(this.form, problem);
    this.invalid.set(true);
    this.focusInvalid();
    return unmatched.length === 0;
  }

  /** The request, once the contract's schema accepts it; null otherwise. */
  private createOf(value: InvoiceEditorValue): Observable<Invoice> | null {
    const parsed = createRequest(value);
    return parsed.success ? this.api.create(parsed.data) : null;
  }

  private updateOf(draft: Invoice, value: InvoiceEditorValue): Observable<Invoice> | null {
    const parsed = updateRequest(value, draft.version);
    return parsed.success ? this.api.update(draft.id, parsed.data) : null;
  }

  /** Fills the form with a stored draft (the client is fixed once the draft exists). */
  private load(invoice: Invoice): Invoice {
    const value = editorValueOf(invoice, this.lang());
    this.lines.clear();
    for (const line of value.lines) this.lines.push(lineGroup(line));
    this.form.patchValue(value);
    this.invoiceCurrency = value.currency;
    this.form.controls.clientId.disable();
    this.form.markAsPristine();
    return invoice;
  }
}
