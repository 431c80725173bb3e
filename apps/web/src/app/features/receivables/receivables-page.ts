import { Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoService } from '@jsverse/transloco';
import type { AgeingBuckets, ClientReceivable, RECEIVABLE_SORT_FIELDS } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';
import { switchMap, tap } from 'rxjs';

import { LIST_PAGE } from '../../shared/list/list-page';
import { LanguageService } from '../../core/i18n/language.service';
import { translationLookup } from '../../core/i18n/translation-lookup';
import { DateField } from '../../shared/fields/dates/date-field';
import { ListPageState } from '../../shared/list/list-page-state';
import { ListRows } from '../../shared/list/table/list-table';
import { LazyChart } from '../../shared/ui/lazy-chart';
import { isZero } from '../invoices/invoice-options';
import { AGEING_BUCKETS, AgeingBucket, ageingChart } from './ageing';
import { ReceivablesApi } from './receivables-api';
import { formatMoney } from '../../shared/sales/money';

/** Sortable on the API (RECEIVABLE_SORT_FIELDS). */
const SORTABLE = [
  'clientName',
  'balanceTnd',
  'overdueTnd',
  'oldestDueDate',
] as const satisfies readonly (typeof RECEIVABLE_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type ReceivableFilters = { asOf: string; overdueOnly: string };

/**
 * Finance → receivables: every client with an open balance, aged at a date (today by default) in
 * TND; the totals of all matching clients as figures and as an ageing chart; overdue clients only
 * on demand. A commercial sees their own clients (the API's visibility).
 */
@Component({
  selector: 'app-receivables-page',
  imports: [LIST_PAGE, DateField, LazyChart, MatCheckboxModule, MatFormFieldModule, MatInputModule],
  templateUrl: './receivables-page.html',
  styleUrls: ['../../shared/list/list-page.scss', '../invoices/invoices.scss', './receivables.scss'],
})
export class ReceivablesPage {
  private readonly api = inject(ReceivablesApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).active;
  protected readonly buckets = AGEING_BUCKETS;
  /** A bucket's cells: in the error colour when past due and not zero. */
  protected readonly bucketClasses = Object.fromEntries(
    AGEING_BUCKETS.map((bucket) => [
      bucket,
      (row: ClientReceivable) => (bucket !== 'notDueTnd' && !isZero(row[bucket]) ? 'num late' : 'num'),
    ]),
  ) as Record<AgeingBucket, (row: ClientReceivable) => string>;
  protected readonly overdueClass = (row: ClientReceivable) => (isZero(row.overdueTnd) ? 'num' : 'num late');

  /** Totals over every matching client and the ageing date the API used (from the last page). */
  protected readonly totals = signal<(AgeingBuckets & { asOf: string }) | null>(null);
  protected readonly list = new ListPageState<ClientReceivable, ReceivableFilters>({
    fetch: (query) =>
      this.api.page(query).pipe(tap((page) => this.totals.set({ ...page.totals, asOf: page.asOf }))),
    filters: { asOf: '', overdueOnly: '' },
    sort: { initial: { active: 'overdueTnd', direction: 'desc' }, allowed: SORTABLE },
  });
  protected readonly rows: ListRows<ClientReceivable> = {
    testid: 'receivables-table',
    rowTestid: (row) => `receivable-row-${row.clientId}`,
    link: (row) => ['/receivables', row.clientId],
    linkQuery: () => (this.list.filters.asOf() ? { asOf: this.list.filters.asOf() } : null),
  };

  /** The scope's texts in the active language (chart.js draws its labels outside the template). */
  private readonly translation = toSignal(
    toObservable(this.lang).pipe(
      switchMap((lang) => this.transloco.selectTranslation(`receivables/${lang}`)),
    ),
  );
  protected readonly chart = computed(() => {
    const totals = this.totals();
    const translation = this.translation();
    return totals && translation
      ? ageingChart(totals, (bucket) => translationLookup(translation, `bucket.${bucket}`))
      : null;
  });

  protected tnd(value: string): string {
    return formatMoney(value, BASE_CURRENCY, this.lang());
  }

  protected setOverdueOnly(checked: boolean): void {
    this.list.filters.overdueOnly.set(checked ? 'true' : '');
  }
}
