import { Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PublicQuote, PublicQuoteLine, QuoteLine, RoutePoint } from '@velosi/contracts';

import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { LanguageService } from '../../../core/i18n/language.service';
import { formatQuantity } from '../../../shared/sales/money';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { LocalPercentPipe } from '../../../shared/ui/local-percent.pipe';
import { LocalMoneyPipe } from '../../../shared/ui/local-money.pipe';
import { LocalQuantityPipe } from '../../../shared/ui/local-quantity.pipe';

/** A line as the summary shows it: the customer's side, plus buy price and margin for the staff. */
export type QuoteSummaryLine = PublicQuoteLine & Partial<Pick<QuoteLine, 'buyUnitPrice' | 'marginTnd'>>;

/**
 * What the summary shows: the customer's view of a quote (the public page's answer). A staff
 * `Quote` has all of it, and the customer's reference too.
 */
export type QuoteSummarySource = Omit<PublicQuote, 'customerName' | 'language' | 'items' | 'totals'> & {
  readonly items: readonly QuoteSummaryLine[];
  readonly customerReference?: string | null;
};

/**
 * What is quoted, as the quote detail page and the customer's public page both show it: the
 * routing, the cargo and the priced lines, each on its card. `internal` (staff only) adds the
 * buy prices, the margins and the internal facts; the customer's page leaves it off (its answer
 * has none of them anyway). Content projected goes at the end of the lines card (e.g. the totals).
 */
@Component({
  selector: 'app-quote-summary',
  imports: [LocalQuantityPipe, LocalMoneyPipe, LocalPercentPipe, LocalDatePipe, TranslocoDirective],
  templateUrl: './quote-summary.html',
  styleUrls: ['./quote-summary.scss', '../../../shared/detail/record-cards.scss'],
})
export class QuoteSummary {
  readonly quote = input.required<QuoteSummarySource>();
  readonly internal = input(false);
  /** Prefix of the `data-testid`s: `<testid>-lines`, `<testid>-line-<index>`, … */
  readonly testid = input.required<string>();

  protected readonly lang = inject(LanguageService).active;

  /** "Radès (TNRDS) — Zone industrielle": a place by its name, its code in brackets (docs/rules.md). */
  protected place(point: RoutePoint, name: string | null): string {
    const code = point.locationCode ?? '';
    const label = name && code ? `${name} (${code})` : code;
    return [label, point.address].filter(Boolean).join(' — ');
  }

  protected readonly lines = computed(() => [...this.quote().items].sort((a, b) => a.position - b.position));
  /**
   * The frozen rate of each foreign currency of the lines ("1 EUR = 3,39 TND"), as the PDF prints
   * them: the TND amounts beside the lines come from them.
   */
  protected readonly rates = computed(() => {
    const lang = this.lang();
    const seen = new Map<string, string>();
    for (const line of this.lines()) {
      if (line.currency !== BASE_CURRENCY && line.exchangeRate && !seen.has(line.currency)) {
        seen.set(line.currency, `1 ${line.currency} = ${formatQuantity(line.exchangeRate, lang)} TND`);
      }
    }
    return [...seen.values()].join(' · ');
  });
  /** The cargo card has something to show (the staff always see it, with its internal facts). */
  protected readonly hasCargo = computed(() => {
    const q = this.quote();
    return (
      this.internal() ||
      !!q.commodity ||
      q.packagesCount != null ||
      !!q.grossWeightKg ||
      !!q.volumeM3 ||
      !!q.chargeableWeight ||
      q.containers.length > 0
    );
  });
  /** Nothing known of the goods yet (a draft): the staff's card says so rather than stay empty. */
  protected readonly noCargo = computed(() => {
    const q = this.quote();
    const given = [q.commodity, q.packagesCount, q.grossWeightKg, q.volumeM3, q.chargeableWeight];
    return (
      given.every((value) => value === null || value === undefined || value === '') && !q.containers.length
    );
  });
}
