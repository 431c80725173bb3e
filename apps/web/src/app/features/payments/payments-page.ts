import { Component, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { PAYMENT_SORT_FIELDS, Payment, PaymentMethod, PaymentSummary } from '@velosi/contracts';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { LanguageService } from '../../core/i18n/language.service';
import { DateField } from '../../shared/fields/dates/date-field';
import { ListClientFilter } from '../../shared/list/filters/list-client-filter';
import { ListPageState } from '../../shared/list/list-page-state';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { PAYMENT_METHODS, isZero, paymentStatusClass } from './payment-options';
import { PaymentsApi } from './payments-api';
import { openRecordPayment } from './record/open-record-payment';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

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
    LocalMoneyPipe,
    LIST_PAGE,
    ListCreateButton,
    DateField,
    ListSelectFilter,
    MatFormFieldModule,
    MatInputModule,
    ListClientFilter,
  ],
  templateUrl: './payments-page.html',
  styleUrls: ['../../shared/list/list-page.scss', '../invoices/invoices.scss', './payments.scss'],
})
export class PaymentsPage {
  private readonly api = inject(PaymentsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).active;

  protected readonly methods = PAYMENT_METHODS;
  protected readonly dateFilters = ['from', 'to'] as const;
  protected readonly statusClass = paymentStatusClass;
  protected readonly isZero = isZero;

  protected readonly list = new ListPageState<PaymentSummary, PaymentFilters>({
    fetch: (query) => this.api.page(query),
    filters: { clientId: '', method: [], from: '', to: '' },
    sort: { initial: { active: 'receivedOn', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<PaymentSummary>('payments', 'payment', {
    key: (payment) => payment.number,
  });

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
