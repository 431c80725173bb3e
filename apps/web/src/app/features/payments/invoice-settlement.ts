import { Component, computed, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Invoice, Payment } from '@velosi/contracts';
import { sumAmounts } from '@velosi/contracts/invoice-math';
import { forkJoin, of, switchMap } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { settlementWord } from '../invoices/invoice-options';
import { isZero, paymentStatusClass } from './payment-options';
import { PaymentsApi } from './payments-api';
import { openRecordPayment } from './record/open-record-payment';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

/**
 * An issued invoice's settlement on its detail page: payment status, paid / credited / open amounts,
 * the payments allocated to it (for whoever reads payments) and "Enregistrer un paiement" prefilled
 * with it (for whoever records them). `recorded` tells the page to reload the invoice.
 */
@Component({
  selector: 'app-invoice-settlement',
  imports: [LocalMoneyPipe, LocalDatePipe, MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  providers: [provideTranslocoScope('payments')],
  template: `
    <section
      class="card settlement"
      data-testid="invoice-settlement"
      *transloco="let t"
      [attr.aria-label]="t('payments.settlement.title')"
    >
      @let i = invoice();
      <header>
        <h2>{{ t('payments.settlement.title') }}</h2>
        @if (settlementWord(i); as status) {
          <span class="status-chip" [class]="'pay-' + status" data-testid="invoice-payment-status">
            {{ t('payments.invoiceStatus.' + status) }}
          </span>
        }
        @if (canRecord()) {
          <button mat-flat-button type="button" data-testid="invoice-record-payment" (click)="record()">
            <mat-icon svgIcon="add" aria-hidden="true" />
            {{ t('payments.record.action') }}
          </button>
        }
      </header>
      <dl>
        <dt>{{ t('payments.settlement.paid') }}</dt>
        <dd class="money" data-testid="invoice-paid-amount">
          {{ i.paidAmount | localMoney: lang() : invoice().currency }}
        </dd>
        @if (!isZero(i.creditedAmount)) {
          <dt>{{ t('payments.settlement.credited') }}</dt>
          <dd class="money">{{ i.creditedAmount | localMoney: lang() : invoice().currency }}</dd>
        }
        <dt>{{ t('payments.settlement.open') }}</dt>
        <dd class="money open" data-testid="invoice-open-amount">
          {{ i.openAmount | localMoney: lang() : invoice().currency }}
        </dd>
      </dl>
      @if (canReadPayments()) {
        @if (payments.isLoading()) {
          <p role="status">{{ t('payments.list.loading') }}</p>
        } @else if (payments.error()) {
          <p role="alert">{{ t('payments.settlement.error') }}</p>
        } @else {
          <ul class="payments" data-testid="invoice-payments">
            @for (p of payments.value() ?? []; track p.id) {
              <li [attr.data-testid]="'invoice-payment-' + p.number">
                <a [routerLink]="['/payments', p.id]">{{ p.number }}</a>
                · {{ p.receivedOn | localDate: lang() }} · {{ t('payments.method.' + p.method) }} ·
                {{ appliedHere(p) | localMoney: lang() : p.currency }}
                @if (appliedHere(p) !== p.amount) {
                  <span class="muted">{{
                    t('payments.settlement.ofPayment', {
                      amount: (p.amount | localMoney: lang() : p.currency),
                    })
                  }}</span>
                }
                @if (p.status === 'reversed') {
                  <span class="status-chip" [class]="statusClass(p)">{{
                    t('payments.status.reversed')
                  }}</span>
                }
              </li>
            } @empty {
              <li class="empty">{{ t('payments.settlement.none') }}</li>
            }
          </ul>
        }
      }
      @if (canReadReceivables()) {
        <a mat-button [routerLink]="['/receivables', i.clientId]" data-testid="invoice-receivable-link">
          {{ t('payments.settlement.account') }}
        </a>
      }
    </section>
  `,
  styleUrls: ['../invoices/detail/invoice-detail.scss', '../invoices/invoices.scss', './payments.scss'],
  styles: `
    .settlement header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;

      h2 {
        margin: 0;
      }

      button {
        margin-inline-start: auto;
      }
    }

    .settlement dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 12px 0;

      dd {
        margin: 0;
      }
    }

    .open {
      font-weight: 600;
    }

    .payments {
      margin: 0;
      padding-inline-start: 20px;
    }
  `,
})
export class InvoiceSettlement {
  readonly invoice = input.required<Invoice>();
  protected readonly settlementWord = settlementWord;

  /**
   * What a payment settled on this invoice (cash and withholding): a cheque covering two invoices
   * is listed on each for its own part, not for the whole cheque.
   */
  protected appliedHere(p: Payment): string {
    const mine = p.allocations.filter((a) => a.invoiceId === this.invoice().id);
    return mine.length ? sumAmounts(mine.flatMap((a) => [a.amount, a.withholdingAmount])) : p.amount;
  }
  readonly recorded = output<void>();

  private readonly api = inject(PaymentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly isZero = isZero;
  protected readonly statusClass = paymentStatusClass;

  protected readonly canReadPayments = computed(() => this.session.can('payments:read'));
  protected readonly canReadReceivables = computed(() => this.session.can('receivables:read'));
  protected readonly canRecord = computed(
    () => this.session.can('payments:write') && !isZero(this.invoice().openAmount),
  );

  protected readonly payments = rxResource({
    params: () =>
      this.canReadPayments() ? { id: this.invoice().id, paid: this.invoice().paidAmount } : undefined,
    // Each receipt read in full for its allocations (what it put on this invoice): an invoice has a
    // few payments at most.
    stream: ({ params }) =>
      this.api
        .ofInvoice(params.id)
        .pipe(
          switchMap((page) =>
            page.items.length ? forkJoin(page.items.map((p) => this.api.get(p.id))) : of<Payment[]>([]),
          ),
        ),
  });

  protected async record(): Promise<void> {
    const i = this.invoice();
    const payment = await openRecordPayment(this.dialog, {
      clientId: i.clientId,
      invoiceId: i.id,
      currency: i.currency,
    });
    if (!payment) return;
    this.notifier.success('payments.record.done', { number: payment.number });
    this.recorded.emit();
  }
}
