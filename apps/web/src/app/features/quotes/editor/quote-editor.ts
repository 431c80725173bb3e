import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { Contact, FieldError, Opportunity, Quote, QuoteLineTotals } from '@velosi/contracts';
import { chargeableWeight, computeQuoteTotals } from '@velosi/contracts/quote-math';
import { EMPTY, catchError, map, merge, of, startWith, switchMap, tap } from 'rxjs';

import { ExchangeRatesApi } from '../../../core/api/exchange-rates-api';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConflictBanner } from '../../../shared/detail/conflict-banner';
import { RowActions } from '../../../shared/detail/row-actions';
import { DateField } from '../../../shared/fields/dates/date-field';
import { ClientsApi } from '../../clients/clients-api';
import { readProblem } from '../../../core/http/problem';
import { fieldError, invalidFieldLabel } from '../quote-errors';
import { decimalInput, normalizeDecimal } from '../../../shared/forms/decimal';
import { invalidFieldFocus } from '../../../shared/forms/focus-invalid';
import { HasUnsavedChanges, warnBeforeUnload } from '../../../shared/forms/unsaved-changes';
import { AMOUNT_PATTERN } from '../../../shared/sales/form-problem';
import { isConflict } from '../../../shared/sales/record-api';
import { AssigneesField, currentUserAssignees } from '../../../shared/fields/assignees-field';
import { Notifier } from '../../../shared/ui/notifier';
import { RecordPicker } from '../../../shared/ui/record-picker/record-picker';
import { carrierKind } from '../../../shared/ui/record-picker/picker-sources';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { registerQuoteIcons } from '../quote-icons';
import { BASE_CURRENCY, COMMON_CONTAINERS, CURRENCIES, todayIso } from '../quote-options';
import { QuotesApi } from '../quotes-api';
import {
  applyQuoteErrors,
  clearServerErrors,
  containerGroup,
  createBody,
  contactFor,
  fillForm,
  fromOpportunity,
  invalidPaths,
  isUsableRate,
  lineComputable,
  quoteForm,
  totalsInput,
  updateBody,
} from './quote-form';
import { RecordsHttp } from '../../../shared/sales/records-http';
import { QuoteLines } from './quote-lines';
import { QuoteRoutingCard } from './quote-routing-card';
import { QuoteTotalsBar } from './quote-totals-bar';
import { QuoteTotalsPanel } from './quote-totals-panel';
import { DecimalLanguageInput } from '../../../shared/forms/decimal-language-input';
import { LocalQuantityPipe } from '../../../shared/ui/local-quantity.pipe';

/**
 * Create (`/quotes/new`) or edit a draft (`/quotes/:id/edit`): header, cargo, lines. Totals and
 * margin are previewed live with the API's own `computeQuoteTotals`; what the API answers after
 * the save is what gets stored and shown on the quote's page.
 */
@Component({
  selector: 'app-quote-editor',
  imports: [
    LocalQuantityPipe,
    DecimalLanguageInput,
    AssigneesField,
    ConflictBanner,
    DateField,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    QuoteLines,
    QuoteRoutingCard,
    QuoteTotalsBar,
    QuoteTotalsPanel,
    ReactiveFormsModule,
    RecordPicker,
    RouterLink,
    RowActions,
    TranslocoDirective,
  ],
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  templateUrl: './quote-editor.html',
  styleUrl: './quote-editor.scss',
})
export class QuoteEditor implements HasUnsavedChanges {
  /** Route parameter of `/quotes/:id/edit`; absent on `/quotes/new`. */
  readonly id = input<string>();

  private readonly api = inject(QuotesApi);
  private readonly rates = inject(ExchangeRatesApi);
  private readonly clients = inject(ClientsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).active;

  protected readonly form = quoteForm(currentUserAssignees());
  protected readonly currencies = CURRENCIES;
  protected readonly firstError = fieldError;

  protected readonly loaded = signal<Quote | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<number | null>(null);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly unmatchedErrors = signal<FieldError[]>([]);
  /** Set by the first save: the notes below say what blocks it, as long as it does. */
  private readonly saveTried = signal(0);
  private readonly transloco = inject(TranslocoService);
  private readonly focusInvalid = invalidFieldFocus();

  /** The whole form value, refreshed on every change (the live totals derive from it). */
  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );

  protected readonly partyKind = computed(() => this.value().partyKind);

  /** A quote is saved with at least one line (said after a save, until a line is added). */
  protected readonly noLines = computed(() => this.saveTried() > 0 && this.value().items.length === 0);

  /**
   * Labels of the invalid fields, for the summary above the buttons: read again on each save and
   * each edit, so a field fixed leaves the list.
   */
  protected readonly invalidFields = computed(() => {
    if (!this.saveTried()) return [];
    // Read for their change only: an edit may fix a field, a language switch renames them.
    this.value();
    this.lang();
    const translate = (key: string, params?: object) => this.transloco.translate(key, params);
    return invalidPaths(this.form).map((path) => invalidFieldLabel(path, translate));
  });

  /** Edits not saved yet: leaving asks first (route guard, and the browser on reload/close). */
  hasUnsavedChanges(): boolean {
    return this.form.dirty && !this.saving();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this.hasUnsavedChanges());
  }

  /** The opportunity picker offers the chosen client's (or prospect's) opportunities only. */
  protected readonly opportunityFilter = computed(() => {
    const v = this.value();
    if (v.partyKind === 'lead') return v.leadId ? { leadId: v.leadId } : null;
    return v.clientId ? { clientId: v.clientId } : null;
  });
  /** True while the form is filled from the URL or a loaded quote (not a user's choice). */
  private filling = false;
  protected readonly mode = computed(() => this.value().mode);
  protected readonly isForeignCurrency = computed(() => this.value().currency !== BASE_CURRENCY);

  /** Live figures: lines that cannot be computed yet (empty price …) are left out and flagged. */
  protected readonly live = computed(() => {
    const v = this.value();
    const inputs = v.items.map(totalsInput);
    const ok = inputs.map(lineComputable);
    const rateOk = isUsableRate(v.exchangeRate);
    const foreign = v.currency !== BASE_CURRENCY && rateOk;
    const result = computeQuoteTotals(
      inputs.filter((_, i) => ok[i]),
      {
        stampDuty: v.stampDutyApplies ? undefined : false,
        currency: foreign ? v.currency : BASE_CURRENCY,
        exchangeRate: foreign ? normalizeDecimal(v.exchangeRate) : null,
      },
    );
    let next = 0;
    const lines: (QuoteLineTotals | null)[] = ok.map((fine) =>
      fine ? (result.lines[next++] ?? null) : null,
    );
    return { totals: result.totals, lines, incomplete: ok.filter((fine) => !fine).length };
  });

  protected readonly chargeable = computed(() => {
    const v = this.value();
    const measure = (s: string) => (AMOUNT_PATTERN.test(normalizeDecimal(s)) ? normalizeDecimal(s) : null);
    const kg = measure(v.grossWeightKg);
    const m3 = measure(v.volumeM3);
    return chargeableWeight({ mode: v.mode, grossWeightKg: kg, volumeM3: m3 });
  });

  protected readonly validityPast = computed(() => this.value().validUntil < todayIso());

  /** Contacts of the chosen client (a prospect has none yet). */
  protected readonly contacts = toSignal(
    this.form.controls.clientId.valueChanges.pipe(
      startWith(this.form.controls.clientId.value),
      switchMap((clientId) =>
        clientId
          ? this.clients
              .contacts(clientId, { pageSize: 100, page: 1 })
              .pipe(catchError(() => of<Contact[]>([])))
          : of<Contact[]>([]),
      ),
      tap((list) => {
        const contact = contactFor(list, this.form.controls.contactId.value, this.loaded() !== null);
        if (contact !== undefined) this.form.controls.contactId.setValue(contact);
      }),
    ),
    { initialValue: [] as Contact[] },
  );

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
    // Prefill from the links that open the editor (`/quotes/new?clientId=…&opportunityId=…`).
    const params = this.route.snapshot.queryParamMap;
    const clientId = params.get('clientId');
    const leadId = params.get('leadId');
    const opportunityId = params.get('opportunityId');
    this.filling = true;
    this.form.patchValue({
      ...(leadId ? { partyKind: 'lead' as const, leadId } : clientId ? { clientId } : {}),
      opportunityId,
    });
    this.filling = false;
    // A quote made for an opportunity starts from what the opportunity says of the shipment.
    if (opportunityId && !this.route.snapshot.paramMap.get('id')) {
      const opportunity = inject(RecordsHttp).get<Opportunity>('opportunities', opportunityId);
      opportunity
        .pipe(
          takeUntilDestroyed(),
          catchError(() => EMPTY),
        )
        .subscribe((o) => {
          this.filling = true;
          this.form.patchValue(fromOpportunity(o, this.form.getRawValue()));
          this.filling = false;
        });
    }
    // Another client or prospect: the opportunity chosen for the previous one no longer applies.
    const { partyKind, clientId: client, leadId: lead, opportunityId: opportunity } = this.form.controls;
    merge(partyKind.valueChanges, client.valueChanges, lead.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        if (!this.filling && opportunity.value) opportunity.setValue(null);
      });
    // A foreign quote currency proposes the reference rate of the day (latest on or before it);
    // the user may change it, and the quote freezes what is saved.
    const { currency, exchangeRate } = this.form.controls;
    currency.valueChanges
      .pipe(
        takeUntilDestroyed(),
        switchMap((code) =>
          this.filling || code === BASE_CURRENCY || exchangeRate.value
            ? of(null)
            : this.rates.rateOf(code, todayIso()).pipe(catchError(() => of(null))),
        ),
      )
      .subscribe((found) => {
        if (found && found.currency === currency.value && !exchangeRate.value) {
          exchangeRate.setValue(decimalInput(found.rate, this.lang(), { trimZeros: true }));
        }
      });
    // A shipping line means nothing on an air quote: a change of carrier kind drops the carrier.
    let kindOfCarrier = carrierKind(this.form.controls.mode.value);
    this.form.controls.mode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => {
      const next = carrierKind(mode);
      if (next !== kindOfCarrier && !this.filling) this.form.controls.carrierCode.setValue('');
      kindOfCarrier = next;
    });
    effect(() => {
      const id = this.id();
      if (id) this.load(id);
    });
  }

  protected contactName(contact: Contact): string {
    return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  }

  protected addContainer(): void {
    const used = new Set(this.form.controls.containers.getRawValue().map((c) => c.type));
    const free = COMMON_CONTAINERS.find((type) => !used.has(type));
    if (free) this.form.controls.containers.push(containerGroup(free));
  }

  protected removeContainer(index: number): void {
    this.form.controls.containers.removeAt(index);
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.conflict.set(false);
    this.api.get(id).subscribe({
      next: (quote) => {
        this.loading.set(false);
        if (quote.status !== 'draft') {
          // Only drafts are editable: a sent quote is a document.
          void this.router.navigate(['/quotes', quote.id], { replaceUrl: true });
          return;
        }
        this.loaded.set(quote);
        this.filling = true;
        fillForm(this.form, quote, this.lang());
        this.filling = false;
        this.form.markAsPristine();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(readProblem(error).status);
      },
    });
  }

  protected save(): void {
    this.unmatchedErrors.set([]);
    clearServerErrors(this.form);
    this.form.updateValueAndValidity({ emitEvent: false });
    const v = this.form.getRawValue();
    const party = v.partyKind === 'lead' ? this.form.controls.leadId : this.form.controls.clientId;
    if (!this.loaded() && !party.value) party.setErrors({ required: true });
    this.saveTried.update((n) => n + 1);
    if (this.form.invalid || (!this.loaded() && !party.value) || this.noLines()) {
      this.form.markAllAsTouched();
      party.markAsTouched();
      this.focusInvalid('[data-testid="quote-line-add"]');
      return;
    }
    const existing = this.loaded();
    const request = existing
      ? this.api.update(existing.id, updateBody(v, existing.version))
      : this.api.create(createBody(v));
    this.saving.set(true);
    request.subscribe({
      next: (quote) => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.notifier.success(existing ? 'quotes.editor.saved' : 'quotes.editor.created', {
          number: quote.number,
        });
        void this.router.navigate(['/quotes', quote.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConflict(error) && existing) {
          this.conflict.set(true);
          return;
        }
        const problem = readProblem(error);
        if (problem.errors?.length) {
          this.unmatchedErrors.set(applyQuoteErrors(this.form, problem.errors));
        } else {
          this.notifier.problem(error);
        }
      },
    });
  }
}
