import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Quote, QuoteStatus, TransportMode } from '@velosi/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { Page, listParams, parsePage } from '../../shared/sales/record-api';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { TranslatedPaginatorIntl } from '../../shared/ui/translated-paginator-intl';
import { MODES, QUOTE_STATUSES, formatMoney, statusClass } from './quote-options';

const SEARCH_DEBOUNCE_MS = 300;
const COLUMNS = ['number', 'title', 'customer', 'mode', 'status', 'validUntil', 'total'] as const;
/** Sortable on the API (QUOTE_SORT_FIELDS); the other headers are not clickable. */
const SORTABLE = new Set(['number', 'title', 'status', 'validUntil']);

/** Quote with the customer's name, which the list adds for display. */
type QuoteRow = Quote & { customerName?: string };

/** Quotes: search, filter by status and mode, sort, page through; open or create a quote. */
@Component({
  selector: 'app-quotes-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quotes-page.html',
  styleUrls: ['../../shared/sales/list-page.scss', './quotes.scss'],
})
export class QuotesPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).active;

  protected readonly statuses = QUOTE_STATUSES;
  protected readonly modes = MODES;
  protected readonly pageSizes = [10, 20, 50, 100];
  protected readonly statusClass = statusClass;
  protected readonly formatMoney = formatMoney;
  protected readonly canWrite = computed(() => this.session.can('quotes:write'));

  protected readonly searchText = signal('');
  private readonly query = toSignal(
    toObservable(this.searchText).pipe(
      map((text) => text.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly status = signal<QuoteStatus[]>([]);
  protected readonly mode = signal<TransportMode[]>([]);
  protected readonly sort = signal<Sort>({ active: 'number', direction: 'desc' });
  /** Back to the first page whenever the search, a filter or the order changes. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.query(), this.status(), this.mode(), this.sort()],
    computation: () => 0,
  });
  protected readonly pageSize = signal(20);

  protected readonly quotes = httpResource(
    () => {
      const sort = this.sort();
      return {
        url: '/api/quotes',
        params: listParams({
          page: this.pageIndex() + 1,
          pageSize: this.pageSize(),
          q: this.query(),
          status: this.status(),
          mode: this.mode(),
          sort: sort.direction && SORTABLE.has(sort.active) ? `${sort.active}:${sort.direction}` : null,
        }),
      };
    },
    { parse: (raw) => parsePage<QuoteRow>(raw) },
  );
  /** The last page received stays on screen (under a progress bar) while the next one loads. */
  protected readonly page = linkedSignal<Page<QuoteRow> | undefined, Page<QuoteRow> | undefined>({
    source: () => (this.quotes.hasValue() ? this.quotes.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  /** The customer column only when the API names the customers (it may not on every list). */
  protected readonly columns = computed(() =>
    this.page()?.items.some((q) => q.customerName) ? COLUMNS : COLUMNS.filter((c) => c !== 'customer'),
  );
  protected readonly filtered = computed(
    () => this.query() !== '' || this.status().length > 0 || this.mode().length > 0,
  );

  protected readonly errorKey = computed(() => {
    const error = this.quotes.error();
    if (!error) return null;
    if (!(error instanceof HttpErrorResponse)) return 'quotes.errors.invalid';
    if (error.status === 0) return 'errors.unreachable';
    return 'errors.http';
  });
  protected readonly errorStatus = computed(() => {
    const error = this.quotes.error();
    return error instanceof HttpErrorResponse ? error.status : null;
  });

  constructor() {
    registerSalesIcons();
  }

  protected onSearch(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected isSortable(column: string): boolean {
    return SORTABLE.has(column);
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.status.set([]);
    this.mode.set([]);
  }

  protected open(quote: QuoteRow): void {
    void this.router.navigate(['/quotes', quote.id]);
  }
}
