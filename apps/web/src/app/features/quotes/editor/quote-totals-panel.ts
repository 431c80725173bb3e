import { Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import type { QuoteTotals } from '@velosi/contracts';
import { totalExclVatTnd } from '@velosi/contracts/quote-math';

import { LanguageService } from '../../../core/i18n/language.service';
import { formatPercent } from '../../../shared/sales/money';
import { LocalMoneyPipe } from '../../../shared/ui/local-money.pipe';
import { LocalQuantityPipe } from '../../../shared/ui/local-quantity.pipe';

/**
 * Totals of a quote in TND (and in the quote currency), with the margin. Used by the editor (live
 * preview) and the detail page (the API's stored figures). `showMargin` is off for readers who
 * may not see buy prices.
 */
@Component({
  selector: 'app-quote-totals-panel',
  imports: [LocalQuantityPipe, LocalMoneyPipe, MatIconModule, TranslocoDirective],
  template: `
    <dl class="totals" *transloco="let t" [attr.aria-label]="t('quotes.totals.title')">
      @if (showMargin()) {
        <div>
          <dt>{{ t('quotes.totals.buy') }}</dt>
          <dd data-testid="quote-totals-buy">{{ totals().buyTnd | localMoney: lang() : 'TND' }}</dd>
        </div>
      }
      <!-- One figure before tax, without the débours, for the staff as for the customer: the
           PDF's total, the dashboard's revenue; the débours follow on their own line. -->
      @if (customer()) {
        <div>
          <dt>{{ t('quotes.totals.exclVat') }}</dt>
          <dd data-testid="quote-totals-excl-vat">{{ exclVat() | localMoney: lang() : 'TND' }}</dd>
        </div>
      } @else {
        <div>
          <dt>{{ t('quotes.totals.sell') }}</dt>
          <dd data-testid="quote-totals-sell">{{ exclVat() | localMoney: lang() : 'TND' }}</dd>
        </div>
      }
      @if (showMargin()) {
        <div [class.negative]="negative()">
          <dt>{{ t('quotes.totals.margin') }}</dt>
          <dd data-testid="quote-totals-margin">
            {{ totals().marginTnd | localMoney: lang() : 'TND' }}
            @if (totals().marginPercent !== null) {
              ({{ percent() }})
            }
          </dd>
        </div>
      }
      @if (totals().disbursementsTnd !== '0.000') {
        <div>
          <dt>{{ t('quotes.totals.disbursementsCustomer') }}</dt>
          <dd data-testid="quote-totals-disbursements">
            {{ totals().disbursementsTnd | localMoney: lang() : 'TND' }}
          </dd>
        </div>
      }
      @for (entry of totals().vatBreakdown; track entry.rate) {
        <div class="sub">
          <dt>
            {{
              t('quotes.totals.vatAt', {
                rate: entry.rate,
                base: (entry.baseTnd | localMoney: lang() : 'TND'),
              })
            }}
          </dt>
          <dd>{{ entry.vatTnd | localMoney: lang() : 'TND' }}</dd>
        </div>
      }
      <div>
        <dt>{{ t('quotes.totals.vat') }}</dt>
        <dd data-testid="quote-totals-vat">{{ totals().vatTnd | localMoney: lang() : 'TND' }}</dd>
      </div>
      <div>
        <dt>{{ t('quotes.totals.stampDuty') }}</dt>
        <dd data-testid="quote-totals-stamp">{{ totals().stampDutyTnd | localMoney: lang() : 'TND' }}</dd>
      </div>
      <div class="grand">
        <dt>{{ t('quotes.totals.total') }}</dt>
        <dd data-testid="quote-totals-total">{{ totals().totalTnd | localMoney: lang() : 'TND' }}</dd>
      </div>
      @if (totals().quoteCurrency; as qc) {
        <div class="sub">
          <dt>
            {{
              t('quotes.totals.inCurrency', {
                currency: qc.currency,
                rate: (qc.exchangeRate | localQuantity: lang()),
              })
            }}
          </dt>
          <dd data-testid="quote-totals-currency">{{ qc.totalAmount | localMoney: lang() : qc.currency }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .totals {
      margin: 0;
      display: grid;
      gap: 4px;
      min-width: 280px;

      div {
        display: flex;
        justify-content: space-between;
        gap: 24px;
      }

      dt {
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
        text-align: end;
        white-space: nowrap;
      }

      .sub {
        font-size: 0.8125rem;
        padding-inline-start: 12px;
      }

      .grand {
        border-top: 1px solid var(--mat-sys-outline-variant);
        padding-top: 6px;
        font-weight: 600;
        font-size: 1.05rem;
      }

      .negative dd,
      .negative dt {
        color: var(--mat-sys-error);
        font-weight: 600;
      }
    }
  `,
})
export class QuoteTotalsPanel {
  readonly totals = input.required<
    Omit<QuoteTotals, 'buyTnd' | 'marginTnd' | 'marginPercent'> &
      Partial<Pick<QuoteTotals, 'buyTnd' | 'marginTnd' | 'marginPercent'>>
  >();
  readonly showMargin = input(true);
  /** The customer's wording (public page): "Total HT" without débours, débours as their own line. */
  readonly customer = input(false);

  private readonly lang = inject(LanguageService).active;
  protected readonly exclVat = computed(() => totalExclVatTnd(this.totals()));
  protected readonly negative = computed(() => this.totals().marginTnd?.startsWith('-') ?? false);
  protected readonly percent = computed(() => formatPercent(this.totals().marginPercent, this.lang(), 2));
}
