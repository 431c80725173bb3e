import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Contact, Quote, QuoteAction, QuoteSendResult, QuoteStatus } from '@velosi/contracts';
import { Observable, firstValueFrom } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { readProblem } from '../../../core/http/problem';
import { LanguageService } from '../../../core/i18n/language.service';
import { isConflict } from '../../../shared/sales/record-api';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { Notifier } from '../../../shared/ui/notifier';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { Timeline } from '../../../shared/ui/timeline/timeline';
import { QuoteTotalsPanel } from '../editor/quote-totals-panel';
import { registerQuoteIcons } from '../quote-icons';
import { formatDecimal, formatMoney, statusClass, todayIso } from '../quote-options';
import { QuotesApi } from '../quotes-api';
import {
  AcceptDialogResult,
  QuoteAcceptDialog,
  QuoteReasonDialog,
  QuoteSendDialog,
  SendDialogResult,
} from './quote-action-dialogs';

/**
 * Which action works in which status: the same table as QUOTE_ACTION_FROM in the contracts
 * (typed against it; not imported at runtime, which would bundle zod). The API enforces it.
 */
const ACTION_FROM = {
  send: ['draft', 'sent'],
  accept: ['sent'],
  reject: ['sent'],
  cancel: ['draft', 'sent'],
  duplicate: ['draft', 'sent', 'accepted', 'rejected', 'cancelled', 'expired', 'superseded'],
  revise: ['sent', 'rejected', 'expired'],
} as const satisfies Record<QuoteAction, readonly QuoteStatus[]>;

type QuoteView = Quote & { customerName?: string };

/** `/quotes/:id`: the quote as stored (server totals), its actions, PDF and history. */
@Component({
  selector: 'app-quote-detail',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    QuoteTotalsPanel,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-detail.html',
  styleUrls: ['./quote-detail.scss', '../quotes.scss'],
})
export class QuoteDetail {
  readonly id = input.required<string>();

  private readonly api = inject(QuotesApi);
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly statusClass = statusClass;
  protected readonly formatMoney = formatMoney;
  protected readonly formatDecimal = formatDecimal;

  protected readonly quote = signal<QuoteView | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly conflict = signal(false);
  /** Answer of the last send: where the e-mail went (dev outbox) and the customer's link. */
  protected readonly sendResult = signal<QuoteSendResult | null>(null);
  protected readonly timelineRefresh = signal(0);

  protected readonly pdfUrl = signal<string | null>(null);
  protected readonly pdfPreview = signal<SafeResourceUrl | null>(null);
  protected readonly pdfLoading = signal(false);

  protected readonly canWrite = computed(() => this.session.can('quotes:write'));
  protected readonly lines = computed(() =>
    [...(this.quote()?.items ?? [])].sort((a, b) => a.position - b.position),
  );
  protected readonly validityPast = computed(() => {
    const q = this.quote();
    return !!q && (q.status === 'draft' || q.status === 'sent') && q.validUntil < todayIso();
  });

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
    effect(() => this.load(this.id()));
    inject(DestroyRef).onDestroy(() => this.dropPdf());
  }

  protected can(action: QuoteAction): boolean {
    const q = this.quote();
    return !!q && this.canWrite() && (ACTION_FROM[action] as readonly QuoteStatus[]).includes(q.status);
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.conflict.set(false);
    this.api.get(id).subscribe({
      next: (quote) => {
        this.loading.set(false);
        this.quote.set(quote);
        this.dropPdf();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(readProblem(error).status);
      },
    });
  }

  protected async send(): Promise<void> {
    const q = this.quote();
    if (!q) return;
    const defaultRecipient = await this.contactEmail(q);
    const result = await firstValueFrom(
      this.dialog
        .open<QuoteSendDialog, unknown, SendDialogResult>(QuoteSendDialog, {
          data: { number: q.number, defaultRecipient },
        })
        .afterClosed(),
    );
    if (!result) return;
    this.run(this.api.send(q.id, { version: q.version, ...result }), (answer: QuoteSendResult) => {
      this.sendResult.set(answer);
      this.quote.set(answer.quote);
      return 'quotes.send.done';
    });
  }

  protected async accept(): Promise<void> {
    const q = this.quote();
    if (!q) return;
    const result = await firstValueFrom(
      this.dialog
        .open<QuoteAcceptDialog, unknown, AcceptDialogResult>(QuoteAcceptDialog, {
          data: { number: q.number },
        })
        .afterClosed(),
    );
    if (!result) return;
    this.run(this.api.accept(q.id, { version: q.version, ...result }), (quote: Quote) => {
      this.quote.set(quote);
      return 'quotes.accept.done';
    });
  }

  protected async reason(action: 'reject' | 'cancel'): Promise<void> {
    const q = this.quote();
    if (!q) return;
    const result = await firstValueFrom(
      this.dialog
        .open<QuoteReasonDialog, unknown, { reason: string | null }>(QuoteReasonDialog, {
          data: { action, number: q.number, required: action === 'reject' },
        })
        .afterClosed(),
    );
    if (!result) return;
    const request =
      action === 'reject'
        ? this.api.reject(q.id, { version: q.version, reason: result.reason ?? '' })
        : this.api.cancel(q.id, { version: q.version, reason: result.reason });
    this.run(request, (quote: Quote) => {
      this.quote.set(quote);
      return `quotes.${action}.done`;
    });
  }

  /** Duplicate and revise both answer a new draft: open it in the editor. */
  protected copy(action: 'duplicate' | 'revise'): void {
    const q = this.quote();
    if (!q) return;
    const request = action === 'duplicate' ? this.api.duplicate(q.id) : this.api.revise(q.id, q.version);
    this.run(request, (created: Quote) => {
      void this.router.navigate(['/quotes', created.id, 'edit']);
      return `quotes.${action}.done`;
    });
  }

  /** Fetches the PDF with the bearer token and shows it (an object URL the iframe can load). */
  protected loadPdf(): void {
    const q = this.quote();
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
    return `${this.quote()?.number ?? 'quote'}.pdf`;
  }

  private dropPdf(): void {
    const url = this.pdfUrl();
    if (url) URL.revokeObjectURL(url);
    this.pdfUrl.set(null);
    this.pdfPreview.set(null);
  }

  private run<T>(request: Observable<T>, done: (answer: T) => string): void {
    this.busy.set(true);
    this.conflict.set(false);
    request.subscribe({
      next: (answer) => {
        this.busy.set(false);
        this.notifier.success(done(answer), { number: this.quote()?.number });
        this.timelineRefresh.update((n) => n + 1);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (isConflict(error)) this.conflict.set(true);
        else this.notifier.problem(error);
      },
    });
  }

  /** The contact's first e-mail, proposed as the recipient of the send dialog. */
  private async contactEmail(q: Quote): Promise<string | null> {
    if (!q.clientId || !q.contactId) return null;
    const url = `/api/clients/${encodeURIComponent(q.clientId)}/contacts/${encodeURIComponent(q.contactId)}`;
    try {
      const contact = await firstValueFrom(this.http.get<Contact>(url));
      return contact.emails[0] ?? null;
    } catch {
      return null;
    }
  }
}
