import { Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { QuoteTotals } from '@velosi/contracts';
import { totalExclVatTnd } from '@velosi/contracts/quote-math';

import { LanguageService } from '../../../core/i18n/language.service';
import { formatMoney } from '../../../shared/sales/money';

/**
 * The live totals in one row, stuck to the bottom of the screen while the lines are being edited
 * (the full totals card sits below the lines, out of sight on a long quote or a phone).
 */
@Component({
  selector: 'app-quote-totals-bar',
  imports: [TranslocoDirective],
  template: `
    <dl class="bar" *transloco="let t" data-testid="quote-totals-bar">
      <div>
        <dt>{{ t('quotes.totals.sell') }}</dt>
        <dd>{{ money(exclVat()) }}</dd>
      </div>
      <div [class.negative]="totals().marginTnd.startsWith('-')">
        <dt>{{ t('quotes.totals.margin') }}</dt>
        <dd>{{ money(totals().marginTnd) }}</dd>
      </div>
      <div class="grand">
        <dt>{{ t('quotes.totals.total') }}</dt>
        <dd data-testid="quote-totals-bar-total">{{ money(totals().totalTnd) }}</dd>
      </div>
    </dl>
  `,
  styles: `
    :host {
      position: sticky;
      bottom: 0;
      z-index: 2;
      display: block;
      margin: 8px -16px -16px;
      padding: 8px 16px;
      background: var(--mat-sys-surface-container);
      border-top: 1px solid var(--mat-sys-outline-variant);
      box-shadow: 0 -2px 6px rgb(0 0 0 / 8%);
    }

    .bar {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 4px 24px;

      div {
        display: flex;
        gap: 8px;
        align-items: baseline;
      }

      dt {
        color: var(--mat-sys-on-surface-variant);
        font-size: 0.8125rem;
      }

      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }

      .grand dd {
        font-weight: 600;
      }

      .negative dd {
        color: var(--mat-sys-error);
        font-weight: 600;
      }
    }
  `,
})
export class QuoteTotalsBar {
  readonly totals = input.required<QuoteTotals>();
  private readonly lang = inject(LanguageService).active;
  /** Before tax without the débours, as the totals card and the PDF. */
  protected readonly exclVat = computed(() => totalExclVatTnd(this.totals()));

  protected money(value: string): string {
    return formatMoney(value, 'TND', this.lang());
  }
}
