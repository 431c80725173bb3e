import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { PAYMENT_SORT_FIELDS, Payment, PaymentMethod, PaymentSummary } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { DateField } from '../../shared/fields/dates/date-field';
import { ListCard } from '../../shared/list/list-card';
import { ListPageState } from '../../shared/list/list-page-state';
import { ListSelectFilter } from '../../shared/list/list-select-filter';
import { ListRows, ListTable } from '../../shared/list/list-table';
import { ListToolbar } from '../../shared/list/list-toolbar';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { RecordPicker } from '../../shared/ui/record-picker/record-picker';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { PAYMENT_METHODS, formatMoney, isZero, paymentStatusClass } from './payment-options';
import { PaymentsApi } from './payments-api';
import { openRecordPayment } from './record/open-record-payment';

/** Sortable on the API (PAYMENT_SORT_FIELDS); the other headers are not. */
const SORTABLE = [
  'number',
  'receivedOn',
  'amount',
] as const satisfies readonly (typeof PAYMENT_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type PaymentFilters = { clientId: string; method: PaymentMethod[]; from: string; to: string };

/** Finance → payments: receipts by client, method and period, newest first; record one. */
@Component({
  selector: 'app-payments-page',
  imports: [
    DateField,
    FormsModule,
    ListCard,
    ListSelectFilter,
    ListTable,
    ListToolbar,
    LocalDatePipe,
    MatButtonModule,
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
  templateUrl: './payments-page.html',
  styleUrls: ['../../shared/list/list-page.scss', '../invoices/invoices.scss', './payments.scss'],
})
export class PaymentsPage {
  private readonly api = inject(PaymentsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).active;

  protected readonly methods = PAYMENT_METHODS;
  protected readonly dateFilters = ['from', 'to'] as const;
  protected readonly statusClass = paymentStatusClass;
  protected readonly formatMoney = formatMoney;
  protected readonly isZero = isZero;
  protected readonly canWrite = computed(() => this.session.can('payments:write'));

  protected readonly list = new ListPageState<PaymentSummary, PaymentFilters>({
    fetch: (query) => this.api.page(query),
    filters: { clientId: '', method: [], from: '', to: '' },
    sort: { initial: { active: 'receivedOn', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows: ListRows<PaymentSummary> = {
    testid: 'payments-table',
    rowTestid: (payment) => `payment-row-${payment.number}`,
    link: (payment) => ['/payments', payment.id],
  };

  constructor() {
    registerSalesIcons();
  }

  protected async record(): Promise<void> {
    const payment = await openRecordPayment(this.dialog, {
      clientId: this.list.filters.clientId() || null,
      invoiceId: null,
    });
    if (payment) this.recorded(payment);
  }

  private recorded(payment: Payment): void {
    this.notifier.success('payments.record.done', { number: payment.number });
    void this.router.navigate(['/payments', payment.id]);
  }
}
