import {
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { PublicQuotePage } from '@velosi/contracts';
import { Observable } from 'rxjs';

import { readProblem } from '../../core/http/problem';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { QuoteTotalsPanel } from '../quotes/editor/quote-totals-panel';
import { registerQuoteIcons } from '../quotes/quote-icons';
import { QuoteSummary } from '../quotes/summary/quote-summary';
import { PublicQuoteApi } from './public-quote-api';

/**
 * `/q/:token`, public: the customer reads the quote from the e-mailed link (sell prices only —
 * the API never sends buy prices or margins here) and accepts or declines it, without an account.
 * Shown in the quote's language (the customer can still switch).
 */
@Component({
  selector: 'app-public-quote',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    QuoteSummary,
    QuoteTotalsPanel,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('quotes')],
  templateUrl: './public-quote.html',
  styleUrls: ['./public-quote.scss', '../quotes/quotes.scss', '../../shared/detail/record-cards.scss'],
})
export class PublicQuote {
  /** Route parameter: the quote's share token. */
  readonly token = input.required<string>();

  private readonly api = inject(PublicQuoteApi);
  private readonly language = inject(LanguageService);
  protected readonly lang = this.language.active;
  private readonly injector = inject(Injector);
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  protected readonly quote = signal<PublicQuotePage | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  /** What the customer just did on this page (the confirmation shown). */
  protected readonly decided = signal<'accepted' | 'rejected' | null>(null);
  protected readonly mode = signal<'view' | 'accept' | 'reject'>('view');

  protected readonly customerReference = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(100)],
  });
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(1000)],
  });

  /** The PDF through the same token: a plain link, no session needed. */
  protected readonly pdfUrl = computed(() => this.api.pdfUrl(this.token()));

  protected readonly open = computed(() => this.quote()?.status === 'sent' && !this.decided());

  constructor() {
    registerQuoteIcons();
    effect(() => this.load(this.token()));
  }

  protected load(token: string, adoptLanguage = true): void {
    this.loading.set(true);
    this.api.get(token).subscribe({
      next: (quote) => {
        this.loading.set(false);
        this.quote.set(quote);
        if (adoptLanguage && quote.language !== this.lang()) this.language.use(quote.language);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(readProblem(error).status);
      },
    });
  }

  protected confirmAccept(): void {
    if (this.customerReference.invalid) return;
    const ref = this.customerReference.value.trim();
    this.decide(this.api.accept(this.token(), { customerReference: ref || null }), 'accepted');
  }

  protected confirmReject(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.decide(this.api.reject(this.token(), { reason: this.reason.value.trim() }), 'rejected');
  }

  /** `tel:` wants digits and a leading +, not the spaces people print. */
  protected dialable(phone: string): string {
    return phone.replace(/[^\d+]/g, '');
  }

  /**
   * The decision buttons disappear with the answer: the confirmation that replaces them is brought
   * into view and focused, so neither a sighted user on a phone nor a screen reader misses it.
   */
  private showConfirmation(): void {
    afterNextRender(
      () => {
        const box = this.confirmation()?.nativeElement;
        box?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        box?.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }

  private decide(request: Observable<unknown>, outcome: 'accepted' | 'rejected'): void {
    this.busy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.decided.set(outcome);
        this.mode.set('view');
        this.load(this.token(), false);
        this.showConfirmation();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = readProblem(error);
        this.actionError.set(problem.detail ?? problem.title ?? String(problem.status));
      },
    });
  }
}
