import { httpResource } from '@angular/common/http';
import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Payment } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { DetailPage } from '../../../shared/detail/detail-page';
import { StaffDirectory } from '../../../shared/fields/staff-directory';
import { LoadedResource } from '../../../shared/detail/detail-record';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { Notifier } from '../../../shared/ui/notifier';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { registerQuoteIcons } from '../../quotes/quote-icons';
import { isZero, paymentStatusClass } from '../payment-options';
import { PAYMENTS_URL } from '../payments-api';
import { PaymentReverseDialog, PaymentReverseDialogData } from './payment-reverse-dialog';
import { formatMoney } from '../../../shared/sales/money';

/** `/payments/:id`: a receipt, the invoices it settled (cash and withholding tax), its reversal. */
@Component({
  selector: 'app-payment-detail',
  imports: [DetailPage, LocalDatePipe, MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  templateUrl: './payment-detail.html',
  styleUrls: [
    '../../invoices/detail/invoice-detail.scss',
    '../../invoices/invoices.scss',
    '../payments.scss',
  ],
})
export class PaymentDetail {
  readonly id = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  private readonly staff = inject(StaffDirectory);
  protected readonly lang = inject(LanguageService).active;
  protected readonly statusClass = paymentStatusClass;
  protected readonly isZero = isZero;

  private readonly resource = httpResource<Payment>(() => `${PAYMENTS_URL}/${encodeURIComponent(this.id())}`);
  /** What app-detail-page shows the loading and error states from. */
  protected readonly state = new LoadedResource(this.resource);
  protected readonly payment = this.state.value;
  protected readonly canReverse = computed(
    () => this.payment()?.status === 'recorded' && this.session.can('payments:write'),
  );
  protected readonly canReadReceivables = computed(() => this.session.can('receivables:read'));
  /**
   * Who reversed the receipt, by name: the API's (any role, FINANCE too), else the signed-in user
   * or a colleague of the staff directory. Null when none knows the id (the banner then leaves
   * "by …" out rather than show an id).
   */
  protected readonly reversedByName = computed(() => {
    const payment = this.payment();
    const id = payment?.reversedBy;
    if (!id) return null;
    if (payment.reversedByName) return payment.reversedByName;
    if (id === this.session.me()?.sub) return this.session.displayName();
    this.staff.load();
    return this.staff.choices().find((c) => c.value === id)?.label ?? null;
  });

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
  }

  protected money(value: string): string {
    return formatMoney(value, this.payment()?.currency ?? '', this.lang());
  }

  protected async reverse(): Promise<void> {
    const payment = this.payment();
    if (!payment) return;
    const reversed = await firstValueFrom(
      this.dialog
        .open<PaymentReverseDialog, PaymentReverseDialogData, Payment>(PaymentReverseDialog, {
          data: { payment, reload: () => this.resource.reload() },
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (!reversed) return;
    this.notifier.success('payments.reverse.done', { number: reversed.number });
    this.resource.set(reversed);
  }
}
