import { Component, inject } from '@angular/core';
import type { QUOTE_SORT_FIELDS, QuoteListItem, QuoteStatus, TransportMode } from '@velosi/contracts';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { CustomerLink } from '../../shared/ui/customer-link';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { ListPageState } from '../../shared/list/list-page-state';
import { QuotesApi } from './quotes-api';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { MODES, QUOTE_STATUSES, statusClass } from './quote-options';
import { CsvExportButton } from '../../shared/csv/csv-export-button';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';
import { StaffDirectory } from '../../shared/fields/staff-directory';

/** Sortable on the API (QUOTE_SORT_FIELDS); the other headers are not clickable. */
const SORTABLE = [
  'number',
  'title',
  'status',
  'validUntil',
] as const satisfies readonly (typeof QUOTE_SORT_FIELDS)[number][];

type QuoteRow = QuoteListItem;

// A type, not an interface: only types fit ListFilters' index signature.
type QuoteFilters = { status: QuoteStatus[]; mode: TransportMode[] };

/** Quotes: search, filter by status and mode, sort, page through; open or create a quote. */
@Component({
  selector: 'app-quotes-page',
  imports: [
    LocalMoneyPipe,
    LIST_PAGE,
    ListCreateButton,
    CsvExportButton,
    CustomerLink,
    ListSelectFilter,
    OwnerNamesPipe,
  ],
  templateUrl: './quotes-page.html',
  styleUrls: ['../../shared/list/list-page.scss', './quotes.scss'],
})
export class QuotesPage {
  private readonly api = inject(QuotesApi);
  protected readonly lang = inject(LanguageService).active;
  protected readonly namesOwners = inject(StaffDirectory).allowed();

  protected readonly statuses = QUOTE_STATUSES;
  protected readonly modes = MODES;
  protected readonly statusClass = statusClass;

  protected readonly list = new ListPageState<QuoteRow, QuoteFilters>({
    fetch: (query) => this.api.page(query),
    filters: { status: [], mode: [] },
    sort: { initial: { active: 'number', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<QuoteRow>('quotes', 'quote', { key: (quote) => quote.number });

  constructor() {
    registerSalesIcons();
  }
}
