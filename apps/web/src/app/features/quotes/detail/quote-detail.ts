import { ComponentType } from '@angular/cdk/portal';
import { Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Quote, QuoteAction, QuoteSendResult, QuoteTransportDetails } from '@velosi/contracts';
import { canApplyQuoteAction } from '@velosi/contracts/vocabulary';
import { Observable, firstValueFrom } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { ConflictBanner } from '../../../shared/detail/conflict-banner';
import { CustomerLink } from '../../../shared/ui/customer-link';
import { OwnerNamesPipe } from '../../../shared/ui/owner-names.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { ActionButton, ActionButtons } from '../../../shared/detail/action-buttons';
import { DetailHeader } from '../../../shared/detail/detail-header';
import { busyRequests } from '../../../shared/detail/busy-requests';
import { DetailPage } from '../../../shared/detail/detail-page';
import { DetailRecord } from '../../../shared/detail/detail-record';
import { mailOutcomeKey } from '../../../shared/mail/mail-outcome';
import { isConflict } from '../../../shared/sales/record-api';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { Notifier } from '../../../shared/ui/notifier';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { Timeline } from '../../../shared/ui/timeline/timeline';
import { QuoteJobLink } from '../../jobs/quote-job-link';
import { QuoteTotalsPanel } from '../editor/quote-totals-panel';
import { registerQuoteIcons } from '../quote-icons';
import { statusClass, todayIso } from '../quote-options';
import { QuotesApi } from '../quotes-api';
import { QuoteSummary } from '../summary/quote-summary';
import {
  AcceptDialogData,
  AcceptDialogResult,
  QuoteAcceptDialog,
  QuoteReasonDialog,
  ReasonDialogData,
  ReasonDialogResult,
} from './quote-action-dialogs';
import { QuoteSendDialog, SendDialogData, SendDialogResult } from './quote-send-dialog';
import { ClientsApi } from '../../clients/clients-api';

/** The header's action buttons, in order (each shown when `can(action)`). */
const ACTION_BUTTONS: readonly ActionButton<QuoteAction>[] = [
  { action: 'send', icon: 'send', appearance: 'filled' },
  { action: 'accept', icon: 'thumb_up', appearance: 'filled' },
  { action: 'reject', icon: 'thumb_down', appearance: 'outlined' },
  { action: 'revise', icon: 'autorenew', appearance: 'outlined' },
  { action: 'duplicate', icon: 'content_copy', appearance: 'outlined' },
  { action: 'cancel', icon: 'cancel', appearance: 'text' },
];

/** The booking facts the transport card lists as they are (text), in order. */
const TRANSPORT_TEXT_FIELDS = [
  'carrierName',
  'vesselName',
  'voyageNumber',
  'flightNumber',
  'bookingReference',
  'notes',
] as const satisfies readonly (keyof QuoteTransportDetails)[];

/** `/quotes/:id`: the quote as stored (server totals), its actions, PDF and history. */
@Component({
  selector: 'app-quote-detail',
  imports: [
    ActionButtons,
    ConflictBanner,
    DetailHeader,
    DetailPage,
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    CustomerLink,
    OwnerNamesPipe,
    QuoteJobLink,
    QuoteSummary,
    QuoteTotalsPanel,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  templateUrl: './quote-detail.html',
  styleUrls: ['./quote-detail.scss', '../quotes.scss', '../../../shared/detail/record-cards.scss'],
})
export class QuoteDetail {
  readonly id = input.required<string>();

  private readonly api = inject(QuotesApi);
  private readonly clients = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly statusClass = statusClass;
  protected readonly actionButtons = computed(() => ACTION_BUTTONS.filter((b) => this.can(b.action)));
  protected readonly actionLabelKey = (action: QuoteAction): string =>
    action === 'send' && this.record.value()?.status === 'sent'
      ? 'quotes.send.again'
      : `quotes.${action}.action`;
  protected readonly transportFields = TRANSPORT_TEXT_FIELDS;
  protected readonly mailOutcomeKey = mailOutcomeKey;

  /** A reload shows the stored quote afresh: no conflict banner or PDF of the version before. */
  protected readonly record = new DetailRecord<Quote>('quotes', this.id, () => this.resetView());
  private readonly requests = busyRequests();
  protected readonly busy = this.requests.busy;
  protected readonly conflict = signal(false);
  /** Answer of the last send: where the e-mail went (dev outbox) and the customer's link. */
  protected readonly sendResult = signal<QuoteSendResult | null>(null);

  protected readonly pdfUrl = signal<string | null>(null);
  protected readonly pdfPreview = signal<SafeResourceUrl | null>(null);
  protected readonly pdfLoading = signal(false);

  protected readonly canWrite = computed(() => this.session.can('quotes:write'));
  protected readonly canReadOpportunities = computed(() => this.session.can('opportunities:read'));
  protected readonly canReadHistory = computed(() => this.session.can('activities:read'));
  protected readonly validityPast = computed(() => {
    const q = this.record.value();
    return !!q && (q.status === 'draft' || q.status === 'sent') && q.validUntil < todayIso();
  });

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
    // The router keeps this page when it goes to another quote: nothing of the previous one stays.
    effect(() => {
      this.id();
      untracked(() => this.resetView());
    });
    inject(DestroyRef).onDestroy(() => this.dropPdf());
  }

  private can(action: QuoteAction): boolean {
    const q = this.record.value();
    // The same table as the API's, which enforces it.
    return !!q && this.canWrite() && canApplyQuoteAction(q.status, action);
  }

  protected act(action: QuoteAction): void {
    switch (action) {
      case 'send':
        void this.send();
        return;
      case 'accept':
        void this.accept();
        return;
      case 'reject':
      case 'cancel':
        void this.reason(action);
        return;
      case 'duplicate':
      case 'revise':
        void this.copy(action);
    }
  }

  /** Fetches the PDF with the bearer token and shows it (an object URL the iframe can load). */
  protected loadPdf(): void {
    const q = this.record.value();
    if (!q || this.pdfLoading()) return;
    this.pdfLoading.set(true);
    this.api.pdf(q.id).subscribe({
      next: (blob) => {
        this.pdfLoading.set(false);
        this.dropPdf();
        const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        this.pdfUrl.set(url);
        // Trusted: an object URL of our own API's answer, created just above.
        this.pdfPreview.set(this.sanitizer.bypassSecurityTrustResourceUrl(url));
      },
      error: (error: unknown) => {
        this.pdfLoading.set(false);
        this.notifier.problem(error);
      },
    });
  }

  protected pdfName(): string {
    return `${this.record.value()?.number ?? 'quote'}.pdf`;
  }

  private async send(): Promise<void> {
    const q = this.record.value();
    if (!q) return;
    const data: SendDialogData = {
      quoteId: q.id,
      number: q.number,
      defaultRecipient: await this.defaultRecipient(q),
    };
    const result = await this.ask<SendDialogData, SendDialogResult>(QuoteSendDialog, data, '640px');
    if (!result) return;
    this.run(this.api.send(q.id, { version: q.version, ...result }), (answer) => {
      this.sendResult.set(answer);
      this.show(q, answer.quote, mailOutcomeKey('quotes.send.done', answer.outbox));
    });
  }

  private async accept(): Promise<void> {
    const q = this.record.value();
    if (!q) return;
    const result = await this.ask<AcceptDialogData, AcceptDialogResult>(
      QuoteAcceptDialog,
      { number: q.number, carrierName: q.carrierName },
      '640px',
    );
    if (!result) return;
    this.run(this.api.accept(q.id, { version: q.version, ...result }), (quote) =>
      this.show(q, quote, 'quotes.accept.done'),
    );
  }

  private async reason(action: 'reject' | 'cancel'): Promise<void> {
    const q = this.record.value();
    if (!q) return;
    const data: ReasonDialogData = { action, number: q.number, required: action === 'reject' };
    const result = await this.ask<ReasonDialogData, ReasonDialogResult>(QuoteReasonDialog, data, '560px');
    if (!result) return;
    const request =
      action === 'reject'
        ? this.api.reject(q.id, { version: q.version, reason: result.reason ?? '' })
        : this.api.cancel(q.id, { version: q.version, reason: result.reason });
    this.run(request, (quote) => this.show(q, quote, `quotes.${action}.done`));
  }

  /**
   * Duplicate and revise both answer a new draft: open it in the editor. Revising supersedes the
   * sent quote (the customer can no longer accept it), so it asks first.
   */
  private async copy(action: 'duplicate' | 'revise'): Promise<void> {
    const q = this.record.value();
    if (!q) return;
    if (action === 'revise') {
      const data: ConfirmDialogData = {
        titleKey: 'quotes.revise.confirmTitle',
        messageKey: 'quotes.revise.confirmMessage',
        confirmKey: 'quotes.revise.action',
        params: { number: q.number },
      };
      if ((await this.ask<ConfirmDialogData, boolean>(ConfirmDialog, data, '480px')) !== true) return;
    }
    const request = action === 'duplicate' ? this.api.duplicate(q.id) : this.api.revise(q.id, q.version);
    this.run(request, (created) => {
      void this.router.navigate(['/quotes', created.id, 'edit']);
      this.notifier.success(`quotes.${action}.done`, { number: q.number });
      this.record.changed();
    });
  }

  /** The action's dialog; resolves with what it closed with (undefined when cancelled). */
  private ask<D, R>(component: ComponentType<unknown>, data: D, width: string): Promise<R | undefined> {
    return firstValueFrom(
      this.dialog.open<unknown, D, R>(component, { data, width, maxWidth: '95vw' }).afterClosed(),
    );
  }

  /** Shows the quote an action answered (which does not name the customer: the page keeps it). */
  private show(before: Quote, quote: Quote, doneKey: string): void {
    this.record.saved(quote, doneKey, { number: quote.number });
  }

  /** A 409 (stale version or a state that refuses the action) shows the reload banner. */
  private run<T>(request: Observable<T>, done: (answer: T) => void): void {
    this.conflict.set(false);
    this.requests.run(request, done, (error) => {
      if (isConflict(error)) this.conflict.set(true);
      return isConflict(error);
    });
  }

  private resetView(): void {
    this.conflict.set(false);
    this.dropPdf();
  }

  private dropPdf(): void {
    const url = this.pdfUrl();
    if (url) URL.revokeObjectURL(url);
    this.pdfUrl.set(null);
    this.pdfPreview.set(null);
  }

  /** The contact's first e-mail, proposed as the recipient of the send dialog. */
  /**
   * Whom the quote goes to unless the user types others: its contact's first address, else the
   * client's billing address (as invoices). A quote made from an opportunity has no contact, and an
   * empty field would mark it sent without any e-mail.
   */
  private async defaultRecipient(q: Quote): Promise<string | null> {
    if (!q.clientId) return null;
    if (q.contactId) {
      const contact = await firstValueFrom(this.clients.contact(q.clientId, q.contactId)).catch(() => null);
      if (contact?.emails[0]) return contact.emails[0];
    }
    return firstValueFrom(this.clients.billingEmail(q.clientId));
  }
}
