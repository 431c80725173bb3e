import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { INVOICE_SORT_FIELDS, InvoiceStatus, InvoiceSummary } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { DateField } from '../../shared/fields/dates/date-field';
import { ListCard } from '../../shared/list/list-card';
import { ListPageState } from '../../shared/list/list-page-state';
import { ListSelectFilter } from '../../shared/list/list-select-filter';
import { ListRows, ListTable } from '../../shared/list/list-table';
import { ListToolbar } from '../../shared/list/list-toolbar';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { RecordPicker } from '../../shared/ui/record-picker/record-picker';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { INVOICE_STATUSES, formatMoney, invoiceStatusClass } from './invoice-options';
import { InvoicesApi } from './invoices-api';

/** Sortable on the API (INVOICE_SORT_FIELDS); the client header is not. */
const SORTABLE = [
  'number',
  'invoiceDate',
  'dueDate',
  'totalTnd',
  'status',
] as const satisfies readonly (typeof INVOICE_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type InvoiceFilters = {
  status: InvoiceStatus[];
  clientId: string;
  from: string;
  to: string;
  overdue: string;
};

/** Invoices and credit notes: search, filter (status, client, period, overdue), sort, page through. */
@Component({
  selector: 'app-invoices-page',
  imports: [
    DateField,
    FormsModule,
    ListCard,
    ListSelectFilter,
    ListTable,
    ListToolbar,
    LocalDatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSortModule,
    MatTableModule,
    PageHeader,
    RecordPicker,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invoices-page.html',
  styleUrls: ['../../shared/list/list-page.scss', './invoices.scss'],
})
export class InvoicesPage {
  private readonly api = inject(InvoicesApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;

  protected readonly statuses = INVOICE_STATUSES;
  protected readonly dateFilters = ['from', 'to'] as const;
  protected readonly statusClass = invoiceStatusClass;
  protected readonly formatMoney = formatMoney;
  protected readonly canWrite = computed(() => this.session.can('invoices:write'));

  protected readonly list = new ListPageState<InvoiceSummary, InvoiceFilters>({
    fetch: (query) => this.api.page(query),
    filters: { status: [], clientId: '', from: '', to: '', overdue: '' },
    sort: { initial: { active: 'number', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows: ListRows<InvoiceSummary> = {
    testid: 'invoices-table',
    rowTestid: (invoice) => `invoice-row-${invoice.number ?? invoice.id}`,
    link: (invoice) => ['/invoices', invoice.id],
  };

  constructor() {
    registerSalesIcons();
  }

  protected setOverdue(checked: boolean): void {
    this.list.filters.overdue.set(checked ? 'true' : '');
  }
}
