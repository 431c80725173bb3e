import { Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { OpenInvoice, ReminderSendResult } from '@velosi/contracts';
import { sumAmounts } from '@velosi/contracts/invoice-math';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { pluralOf } from '../../core/i18n/plural';
import { saveFile } from '../../shared/csv/save-file';
import { ActionButton, ActionButtons } from '../../shared/detail/action-buttons';
import { busyRequests } from '../../shared/detail/busy-requests';
import { DetailPage } from '../../shared/detail/detail-page';
import { LoadedResource } from '../../shared/detail/detail-record';
import { mailOutcomeKey } from '../../shared/mail/mail-outcome';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { ClientsApi } from '../clients/clients-api';
import { registerQuoteIcons } from '../quotes/quote-icons';
import { isZero } from '../invoices/invoice-options';
import { openRecordPayment } from '../payments/record/open-record-payment';
import { AGEING_BUCKETS, bucketOf } from './ageing';
import { ReceivablesApi } from './receivables-api';
import { ReminderDialog, ReminderDialogData } from './reminder-dialog';
import { formatMoney } from '../../shared/sales/money';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

type ReceivableAction = 'statement' | 'remind' | 'record-payment';

/** The header's action buttons, in order (remind and record payment when allowed). */
const ACTION_BUTTONS: readonly ActionButton<ReceivableAction>[] = [
  { action: 'statement', icon: 'download', appearance: 'outlined' },
  { action: 'remind', icon: 'mail', appearance: 'outlined' },
  { action: 'record-payment', icon: 'add', appearance: 'filled', whileBusy: true },
];

const ACTION_LABEL_KEYS: Record<ReceivableAction, string> = {
  statement: 'receivables.detail.statement',
  remind: 'receivables.remind.action',
  'record-payment': 'payments.record.action',
};

/**
 * `/receivables/:clientId[?asOf=]`: one client's balance and ageing, its open invoices, the
 * statement of account ("Relevé de compte") and the overdue reminder e-mail ("Relance").
 */
@Component({
  selector: 'app-receivable-detail',
  imports: [LocalMoneyPipe, ActionButtons, DetailPage, LocalDatePipe, RouterLink, TranslocoDirective],
  templateUrl: './receivable-detail.html',
  styleUrls: ['../invoices/detail/invoice-detail.scss', '../invoices/invoices.scss', './receivables.scss'],
})
export class ReceivableDetail {
  readonly clientId = input.required<string>();
  /** Ageing date from the list (`?asOf=`); empty: today. */
  readonly asOf = input<string>();

  private readonly api = inject(ReceivablesApi);
  private readonly clients = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly buckets = AGEING_BUCKETS;
  protected readonly bucketOf = bucketOf;
  protected readonly mailOutcomeKey = mailOutcomeKey;
  protected readonly isZero = isZero;

  protected readonly resource = rxResource({
    params: () => ({ clientId: this.clientId(), asOf: this.asOf() || undefined }),
    stream: ({ params }) => this.api.client(params.clientId, params.asOf),
  });
  /** What app-detail-page shows the loading and error states from. */
  protected readonly state = new LoadedResource(this.resource);
  protected readonly detail = this.state.value;
  private readonly requests = busyRequests();
  protected readonly busy = this.requests.busy;
  protected readonly reminder = signal<ReminderSendResult | null>(null);
  protected readonly canRemind = computed(
    () => this.session.can('receivables:remind') && !isZero(this.detail()?.overdueTnd ?? '0'),
  );
  protected readonly canRecord = computed(
    () => this.session.can('payments:write') && (this.detail()?.invoices.length ?? 0) > 0,
  );
  protected readonly canReadClients = computed(() => this.session.can('clients:read'));
  protected readonly actionButtons = computed(() => {
    const shown: Record<ReceivableAction, boolean> = {
      statement: true,
      remind: this.canRemind(),
      'record-payment': this.canRecord(),
    };
    return ACTION_BUTTONS.filter((b) => shown[b.action]);
  });
  protected readonly actionLabelKey = (action: ReceivableAction): string => ACTION_LABEL_KEYS[action];

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
  }

  protected act(action: ReceivableAction): void {
    if (action === 'statement') this.statement();
    else if (action === 'remind') void this.remind();
    else void this.recordPayment();
  }

  protected plural(count: number): 'one' | 'other' {
    return pluralOf(count, this.lang());
  }

  protected tnd(value: string): string {
    return formatMoney(value, BASE_CURRENCY, this.lang());
  }

  /** Paid and credited together, as the statement of account shows them ("Réglé / avoirs"). */
  protected settled(invoice: OpenInvoice): string {
    return sumAmounts([invoice.paidAmount, invoice.creditedAmount]);
  }

  /** "Relevé de compte": the PDF in the language of the page. */
  private statement(): void {
    const d = this.detail();
    if (!d) return;
    this.requests.run(this.api.statement(d.clientId, this.lang(), this.asOf() || undefined), (blob) =>
      saveFile(blob, `releve-${d.clientName.replace(/[^\p{L}\p{N}]+/gu, '-')}-${d.asOf}.pdf`),
    );
  }

  /** "Relance": a dialog says what is sent to whom (confirm first), then e-mails the overdue list. */
  private async remind(): Promise<void> {
    const d = this.detail();
    if (!d) return;
    const result = await firstValueFrom(
      this.dialog
        .open<ReminderDialog, ReminderDialogData, ReminderSendResult>(ReminderDialog, {
          data: {
            clientId: d.clientId,
            clientName: d.clientName,
            overdue: this.tnd(d.overdueTnd),
            defaultRecipient: await firstValueFrom(this.clients.billingEmail(d.clientId)),
          },
          width: '520px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (!result) return;
    this.reminder.set(result);
    this.notifier.success(mailOutcomeKey('receivables.remind.done', result.transport === 'outbox'), {
      recipients: result.recipients.join(', '),
    });
  }

  private async recordPayment(): Promise<void> {
    const d = this.detail();
    if (!d) return;
    const payment = await openRecordPayment(this.dialog, { clientId: d.clientId, invoiceId: null });
    if (!payment) return;
    this.notifier.success('payments.record.done', { number: payment.number });
    this.resource.reload();
  }
}
