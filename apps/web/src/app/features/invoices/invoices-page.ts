import { Component, computed, inject } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  INVOICE_PAYMENT_STATUSES,
  type INVOICE_SORT_FIELDS,
  type InvoicePaymentStatus,
  type InvoiceStatus,
  type InvoiceSummary,
} from '@velosi/contracts';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { DateField } from '../../shared/fields/dates/date-field';
import { ListClientFilter } from '../../shared/list/filters/list-client-filter';
import { ListPageState } from '../../shared/list/list-page-state';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { INVOICE_STATUSES, amountDue, emptyInvoicesKey, invoiceChip } from './invoice-options';
import { InvoicesApi } from './invoices-api';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

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
  paymentStatus: InvoicePaymentStatus[];
  clientId: string;
  from: string;
  to: string;
  overdue: string;
};

/**
 * Invoices and credit notes: search, filter (status, payment status, client, period, overdue), sort,
 * page through.
 */
@Component({
  selector: 'app-invoices-page',
  imports: [
    LocalMoneyPipe,
    LIST_PAGE,
    ListCreateButton,
    DateField,
    ListSelectFilter,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ListClientFilter,
  ],
  templateUrl: './invoices-page.html',
  styleUrls: ['../../shared/list/list-page.scss', './invoices.scss'],
})
export class InvoicesPage {
  private readonly api = inject(InvoicesApi);
  protected readonly lang = inject(LanguageService).active;
  private readonly session = inject(SessionStore);
  /** Says which invoices this reader sees when there are none (the API's visibility rule). */
  protected readonly emptyKey = computed(() => emptyInvoicesKey(this.session.me()?.roles ?? []));

  protected readonly statuses = INVOICE_STATUSES;
  /** What the chip of an issued invoice says: finance filters on it ("Non payée", "En retard"…). */
  protected readonly paymentStatuses = INVOICE_PAYMENT_STATUSES;
  protected readonly dateFilters = ['from', 'to'] as const;
  protected readonly chipOf = invoiceChip;
  protected readonly amountDue = amountDue;

  protected readonly list = new ListPageState<InvoiceSummary, InvoiceFilters>({
    fetch: (query) => this.api.page(query),
    filters: { status: [], paymentStatus: [], clientId: '', from: '', to: '', overdue: '' },
    sort: { initial: { active: 'number', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<InvoiceSummary>('invoices', 'invoice', {
    key: (invoice) => invoice.number ?? invoice.id,
  });

  constructor() {
    registerSalesIcons();
  }

  protected setOverdue(checked: boolean): void {
    this.list.filters.overdue.set(checked ? 'true' : '');
  }
}
