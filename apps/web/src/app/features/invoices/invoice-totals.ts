import { Component, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { InvoiceTotalsFigures } from '@velosi/contracts/invoice-math';

import { LanguageService } from '../../core/i18n/language.service';
import { formatMoney } from '../../shared/sales/money';

/**
 * An invoice's totals: net per VAT rate, VAT, débours, stamp duty, total TND and, for an invoice in
 * another currency, its total in that currency. The stored totals on the detail page, the live
 * ones (same contract code) in the editor.
 */
@Component({
  selector: 'app-invoice-totals',
  imports: [TranslocoDirective],
  template: `
    <dl class="totals" *transloco="let t" data-testid="invoice-totals">
      @for (entry of totals().vatBreakdown; track entry.rate) {
        <dt>{{ t('invoices.totals.base', { rate: entry.rate }) }}</dt>
        <dd>{{ money(entry.baseTnd) }}</dd>
        <dt>{{ t('invoices.totals.vat', { rate: entry.rate }) }}</dt>
        <dd>{{ money(entry.vatTnd) }}</dd>
      }
      <dt>{{ t('invoices.totals.net') }}</dt>
      <dd data-testid="invoice-total-net">{{ money(totals().netTnd) }}</dd>
      <dt>{{ t('invoices.totals.vatTotal') }}</dt>
      <dd>{{ money(totals().vatTnd) }}</dd>
      <dt>{{ t('invoices.totals.disbursements') }}</dt>
      <dd data-testid="invoice-total-disbursements">{{ money(totals().disbursementsTnd) }}</dd>
      <dt>{{ t('invoices.totals.stampDuty') }}</dt>
      <dd>{{ money(totals().stampDutyTnd) }}</dd>
      <dt class="grand">{{ t('invoices.totals.total') }}</dt>
      <dd class="grand" data-testid="invoice-total">{{ money(totals().totalTnd) }}</dd>
      @if (totals().totalCurrency; as foreign) {
        <dt>{{ t('invoices.totals.inCurrency', { currency: currency() }) }}</dt>
        <dd data-testid="invoice-total-currency">{{ format(foreign, currency(), lang()) }}</dd>
      }
    </dl>
  `,
  styles: `
    .totals {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 4px 16px;
      margin: 0;
      max-width: 28rem;
      margin-inline-start: auto;
    }
    dd {
      margin: 0;
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .grand {
      font-weight: 600;
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding-top: 4px;
    }
  `,
})
export class InvoiceTotals {
  readonly totals = input.required<InvoiceTotalsFigures>();
  readonly currency = input('TND');
  protected readonly lang = inject(LanguageService).active;
  protected readonly format = formatMoney;

  protected money(value: string): string {
    return formatMoney(value, 'TND', this.lang());
  }
}
