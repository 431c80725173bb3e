import { Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { Invoice, JobCharge, JobDetail } from '@velosi/contracts';
import { catchError, forkJoin, map, of, switchMap, type Observable } from 'rxjs';

import { ExchangeRatesApi } from '../../../core/api/exchange-rates-api';
import { LanguageService } from '../../../core/i18n/language.service';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { loadAll } from '../../../shared/sales/load-all';
import { formatLocalDate } from '../../../shared/ui/local-date.pipe';
import { todayIso } from '../invoice-options';
import { InvoicesApi } from '../invoices-api';
import {
  type DayRate,
  type JobInvoiceLine,
  foreignCurrencies,
  jobInvoiceLines,
  openRevenue,
} from './job-invoice-lines';
import { LocalMoneyPipe } from '../../../shared/ui/local-money.pipe';
import { LocalQuantityPipe } from '../../../shared/ui/local-quantity.pipe';

export interface JobInvoiceDialogData {
  readonly job: JobDetail;
  /** The job's invoices (not credit notes): their lines say which job lines are billed. */
  readonly invoiceIds: readonly string[];
}

/**
 * "Invoice" on a job: the open revenue lines, all ticked, at the amounts the draft will get (foreign
 * lines at the rate of the day, said under the list); closes with the draft created.
 */
@Component({
  selector: 'app-job-invoice-dialog',
  imports: [LocalQuantityPipe, LocalMoneyPipe, FORM_DIALOG_IMPORTS, MatCheckboxModule],
  providers: [provideTranslocoScope('invoices')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('invoices.job.title', { number: data.job.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="job-invoice-confirm"
        [submitLabel]="t('invoices.job.create')"
        [saving]="submitter.saving()"
        [canSubmit]="picked().size > 0"
      >
        @if (open(); as lines) {
          @if (lines.length) {
            <p class="span-2">{{ t('invoices.job.intro') }}</p>
            @for (line of lines; track line.id) {
              <mat-checkbox
                class="span-2"
                [checked]="picked().has(line.id)"
                [attr.data-testid]="'job-invoice-line-' + $index"
                (change)="toggle(line.id, $event.checked)"
              >
                {{ line.description }} — {{ line.amountTnd | localMoney: lang() : 'TND' }}
              </mat-checkbox>
            }
            @for (c of conversions(); track c.currency) {
              <p class="span-2" [attr.data-testid]="'job-invoice-rate-' + c.currency">
                @if (c.dayRate; as r) {
                  {{
                    t('invoices.job.rate', {
                      currency: c.currency,
                      date: date(r.date),
                      rate: (r.rate | localQuantity: lang()),
                    })
                  }}
                } @else {
                  {{ t('invoices.job.rateKept', { currency: c.currency }) }}
                }
              </p>
            }
          } @else {
            <p class="span-2" data-testid="job-invoice-none">{{ t('invoices.job.none') }}</p>
          }
        } @else {
          <p class="span-2" role="status">{{ t('invoices.list.loading') }}</p>
        }
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class JobInvoiceDialog {
  private readonly api = inject(InvoicesApi);
  private readonly rates = inject(ExchangeRatesApi);
  private readonly lang = inject(LanguageService).active;
  protected readonly data = inject<JobInvoiceDialogData>(MAT_DIALOG_DATA);
  protected readonly open = signal<JobInvoiceLine[] | null>(null);
  protected readonly conversions = signal<ReturnType<typeof jobInvoiceLines>['conversions']>([]);
  protected readonly picked = signal<ReadonlySet<string>>(new Set());
  private readonly all = computed(() => (this.open() ?? []).every((c) => this.picked().has(c.id)));
  // The choice lives in `picked`; the form only carries DialogSubmit's state (busy, dirty).
  protected readonly form = new FormGroup({ touched: new FormControl(false, { nonNullable: true }) });
  protected readonly submitter = new DialogSubmit<Invoice>(this.form);

  constructor() {
    loadAll(this.data.invoiceIds, (id) => this.api.get(id))
      .pipe(
        map((invoices) => openRevenue(this.data.job, invoices)),
        // The API refuses lines already billed anyway: offer every revenue line.
        catchError(() => of(openRevenue(this.data.job, []))),
        switchMap((charges) => this.atDayRates(charges)),
      )
      .subscribe(({ lines, conversions }) => {
        this.open.set(lines);
        this.conversions.set(conversions);
        this.picked.set(new Set(lines.map((c) => c.id)));
      });
  }

  /** The lines priced as the draft will be: each foreign currency's reference rate of today. */
  private atDayRates(charges: JobCharge[]): Observable<ReturnType<typeof jobInvoiceLines>> {
    const today = todayIso();
    const currencies = foreignCurrencies(charges);
    const reads = currencies.map((currency) =>
      this.rates.rateOf(currency, today).pipe(
        map((r): DayRate | null => ({ date: r.date, rate: r.rate })),
        // 404: no rate published yet, the API keeps the job lines' rates.
        catchError(() => of(null)),
      ),
    );
    return (reads.length ? forkJoin(reads) : of([])).pipe(
      map((found) => jobInvoiceLines(charges, new Map(currencies.map((c, i) => [c, found[i] ?? null])))),
    );
  }

  protected date(iso: string): string {
    return formatLocalDate(iso, this.lang());
  }

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.picked());
    if (checked) next.add(id);
    else next.delete(id);
    this.picked.set(next);
    this.form.markAsDirty();
  }

  protected submit(): void {
    const ids = [...this.picked()];
    if (ids.length === 0) return;
    // All ticked: no list, the API bills every line not billed yet (also one added meanwhile).
    const body = this.all() ? { jobId: this.data.job.id } : { jobId: this.data.job.id, jobChargeIds: ids };
    this.submitter.run(() => this.api.fromJob(body));
  }
}
