import { ComponentType } from '@angular/cdk/portal';
import { httpResource } from '@angular/common/http';
import { Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PROBLEM_TYPES, type Invoice, type InvoiceSendResult } from '@velosi/contracts';
import { Observable, firstValueFrom, map } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { readProblem } from '../../../core/http/problem';
import { LanguageService } from '../../../core/i18n/language.service';
import { ActionButton, ActionButtons } from '../../../shared/detail/action-buttons';
import { busyRequests } from '../../../shared/detail/busy-requests';
import { ConflictBanner } from '../../../shared/detail/conflict-banner';
import { DetailPage } from '../../../shared/detail/detail-page';
import { LoadedResource } from '../../../shared/detail/detail-record';
import { mailOutcomeKey } from '../../../shared/mail/mail-outcome';
import { isConflict } from '../../../shared/sales/record-api';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { saveFile } from '../../../shared/csv/save-file';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { vatSuspensionNote } from './vat-suspension-note';
import { Notifier } from '../../../shared/ui/notifier';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { ClientsApi } from '../../clients/clients-api';
import { registerQuoteIcons } from '../../quotes/quote-icons';
import { InvoiceSettlement } from '../../payments/invoice-settlement';
import { invoiceChip } from '../invoice-options';
import { InvoiceTotals } from '../invoice-totals';
import { InvoicesApi, INVOICES_URL } from '../invoices-api';
import { CreditDialogData, InvoiceCreditDialog } from './invoice-credit-dialog';
import { InvoiceSendDialog, InvoiceSendDialogData } from './invoice-send-dialog';
import { LocalPercentPipe } from '../../../shared/ui/local-percent.pipe';
import { LocalMoneyPipe } from '../../../shared/ui/local-money.pipe';
import { LocalQuantityPipe } from '../../../shared/ui/local-quantity.pipe';

type InvoiceAction = 'delete' | 'issue' | 'pdf' | 'send' | 'credit';

/** The header's action buttons, in order (each shown when the invoice's state and the user allow). */
const ACTION_BUTTONS: readonly ActionButton<InvoiceAction>[] = [
  { action: 'delete', icon: 'delete', appearance: 'text' },
  { action: 'issue', icon: 'task_alt', appearance: 'filled' },
  { action: 'pdf', icon: 'download', appearance: 'outlined' },
  { action: 'send', icon: 'send', appearance: 'outlined' },
  { action: 'credit', icon: 'autorenew', appearance: 'outlined' },
];

/** `/invoices/:id`: the invoice or credit note as stored, its actions by state and permission. */
@Component({
  selector: 'app-invoice-detail',
  imports: [
    LocalQuantityPipe,
    LocalMoneyPipe,
    LocalPercentPipe,
    ActionButtons,
    ConflictBanner,
    DetailPage,
    InvoiceSettlement,
    InvoiceTotals,
    LocalDatePipe,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './invoice-detail.html',
  styleUrls: ['./invoice-detail.scss', '../invoices.scss'],
})
export class InvoiceDetail {
  readonly id = input.required<string>();

  private readonly api = inject(InvoicesApi);
  private readonly clients = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly chipOf = invoiceChip;
  protected readonly mailOutcomeKey = mailOutcomeKey;
  protected readonly vatSuspensionNote = vatSuspensionNote;

  private readonly resource = httpResource<Invoice>(() => `${INVOICES_URL}/${encodeURIComponent(this.id())}`);
  /** What app-detail-page shows the loading and error states from. */
  protected readonly state = new LoadedResource(this.resource, () => this.reload());
  protected readonly invoice = this.state.value;

  /** The credit notes of this invoice (the list filters by client; the invoice is matched here). */
  protected readonly creditNotes = rxResource({
    params: () => {
      const i = this.invoice();
      return i && i.kind === 'invoice' && i.status === 'issued'
        ? { clientId: i.clientId, id: i.id }
        : undefined;
    },
    stream: ({ params }) =>
      this.api
        .creditNotesOf(params.clientId)
        .pipe(map((page) => page.items.filter((note) => note.creditedInvoiceId === params.id))),
  });

  private readonly requests = busyRequests();
  protected readonly busy = this.requests.busy;
  protected readonly conflict = signal(false);
  protected readonly sendResult = signal<InvoiceSendResult | null>(null);

  private readonly draft = computed(() => this.invoice()?.status === 'draft');
  protected readonly canEdit = computed(() => this.draft() && this.session.can('invoices:write'));
  protected readonly canIssue = computed(() => this.draft() && this.session.can('invoices:issue'));
  protected readonly canSend = computed(() => !this.draft() && this.session.can('invoices:write'));
  protected readonly canCredit = computed(
    () => !this.draft() && this.invoice()?.kind === 'invoice' && this.session.can('invoices:issue'),
  );
  protected readonly canReadJobs = computed(() => this.session.can('jobs:read'));
  protected readonly actionButtons = computed(() => {
    const shown: Record<InvoiceAction, boolean> = {
      delete: this.canEdit(),
      issue: this.canIssue(),
      pdf: this.invoice()?.status === 'issued',
      send: this.canSend(),
      credit: this.canCredit(),
    };
    return ACTION_BUTTONS.filter((b) => shown[b.action]);
  });
  protected readonly actionLabelKey = (action: InvoiceAction): string => {
    if (action === 'pdf') return 'invoices.detail.pdf';
    if (action === 'send' && this.invoice()?.sentAt) return 'invoices.send.again';
    return `invoices.${action}.action`;
  };

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
  }

  protected act(action: InvoiceAction): void {
    const handlers: Record<InvoiceAction, () => unknown> = {
      delete: () => this.remove(),
      issue: () => this.issue(),
      pdf: () => this.downloadPdf(),
      send: () => this.send(),
      credit: () => this.credit(),
    };
    void handlers[action]();
  }

  protected reload(): void {
    this.conflict.set(false);
    this.resource.reload();
    this.creditNotes.reload();
  }

  private async remove(): Promise<void> {
    const i = this.invoice();
    if (!i) return;
    const confirmed = await this.ask<ConfirmDialogData, boolean>(ConfirmDialog, {
      titleKey: 'invoices.delete.title',
      messageKey: 'invoices.delete.message',
      confirmKey: 'invoices.delete.action',
      destructive: true,
    });
    if (confirmed !== true) return;
    this.run(this.api.delete(i.id, i.version), () => {
      this.notifier.success('invoices.delete.done');
      void this.router.navigate(['/invoices']);
    });
  }

  private async issue(): Promise<void> {
    const i = this.invoice();
    if (!i) return;
    const confirmed = await this.ask<ConfirmDialogData, boolean>(ConfirmDialog, {
      titleKey: 'invoices.issue.title',
      messageKey: 'invoices.issue.message',
      confirmKey: 'invoices.issue.action',
    });
    if (confirmed !== true) return;
    this.run(
      this.api.issue(i.id, { version: i.version, confirm: false }),
      (issued) => this.show(issued, 'invoices.issue.done'),
      (error) => {
        if (!this.needsConfirmation(error)) return false;
        void this.confirmIssue(i, readProblem(error).detail ?? '');
        return true;
      },
    );
  }

  /**
   * A blocked client or a credit limit exceeded: the API refuses the issue with an invalid-state
   * problem that names `confirm` (apps/api/src/invoices/domain/invoice-terms.ts); only ADMIN may
   * confirm it, so only ADMIN is asked.
   */
  private needsConfirmation(error: unknown): boolean {
    const problem = readProblem(error);
    return (
      problem.status === 409 &&
      problem.type === PROBLEM_TYPES.invalidState &&
      (problem.detail ?? '').includes('confirm') &&
      (this.session.me()?.roles ?? []).includes('ADMIN')
    );
  }

  private async confirmIssue(i: Invoice, detail: string): Promise<void> {
    const confirmed = await this.ask<ConfirmDialogData, boolean>(ConfirmDialog, {
      titleKey: 'invoices.issue.confirmTitle',
      messageKey: 'invoices.issue.confirmMessage',
      confirmKey: 'invoices.issue.confirmAction',
      params: { detail },
      destructive: true,
    });
    if (confirmed !== true) return;
    this.run(this.api.issue(i.id, { version: i.version, confirm: true }), (issued) =>
      this.show(issued, 'invoices.issue.done'),
    );
  }

  private downloadPdf(): void {
    const i = this.invoice();
    if (!i) return;
    this.run(this.api.pdf(i.id), (blob) => saveFile(blob, `${i.number ?? 'invoice'}.pdf`));
  }

  private async send(): Promise<void> {
    const i = this.invoice();
    if (!i?.number) return;
    const result = await this.ask<InvoiceSendDialogData, InvoiceSendResult>(
      InvoiceSendDialog,
      {
        invoiceId: i.id,
        number: i.number,
        defaultRecipient: await firstValueFrom(this.clients.billingEmail(i.clientId)),
      },
      '560px',
    );
    if (!result) return;
    this.sendResult.set(result);
    this.show(result.invoice, mailOutcomeKey('invoices.send.done', result.transport === 'outbox'));
  }

  private async credit(): Promise<void> {
    const i = this.invoice();
    if (!i?.number) return;
    const note = await this.ask<CreditDialogData, Invoice>(
      InvoiceCreditDialog,
      { invoice: i, creditNoteIds: (this.creditNotes.value() ?? []).map((n) => n.id) },
      '720px',
    );
    if (!note) return;
    this.notifier.success('invoices.credit.done', { number: note.number });
    void this.router.navigate(['/invoices', note.id]);
  }

  private show(invoice: Invoice, doneKey: string): void {
    this.notifier.success(doneKey, { number: invoice.number });
    this.resource.set(invoice);
    this.creditNotes.reload();
  }

  private ask<D, R>(component: ComponentType<unknown>, data: D, width = '480px'): Promise<R | undefined> {
    return firstValueFrom(
      this.dialog.open<unknown, D, R>(component, { data, width, maxWidth: '95vw' }).afterClosed(),
    );
  }

  /** `handled` returns true when it dealt with the error itself; a stale version shows the banner. */
  private run<T>(
    request: Observable<T>,
    done: (answer: T) => void,
    handled?: (error: unknown) => boolean,
  ): void {
    this.conflict.set(false);
    this.requests.run(request, done, (error) => handled?.(error) || this.staleVersion(error));
  }

  private staleVersion(error: unknown): boolean {
    const stale = isConflict(error) && readProblem(error).type === PROBLEM_TYPES.conflict;
    if (stale) this.conflict.set(true);
    return stale;
  }
}
