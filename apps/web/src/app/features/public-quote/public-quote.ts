import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { PublicQuote as PublicQuoteView } from '@velosi/contracts';
import { Observable } from 'rxjs';

import { readProblem } from '../../core/http/problem';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { QuoteTotalsPanel } from '../quotes/editor/quote-totals-panel';
import { registerQuoteIcons } from '../quotes/quote-icons';
import { statusClass } from '../quotes/quote-options';
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
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-quote.html',
  styleUrls: ['./public-quote.scss', '../quotes/quotes.scss', '../../shared/detail/record-cards.scss'],
})
export class PublicQuote {
  /** Route parameter: the quote's share token. */
  readonly token = input.required<string>();

  private readonly api = inject(PublicQuoteApi);
  private readonly language = inject(LanguageService);
  protected readonly lang = this.language.active;
  protected readonly statusClass = statusClass;

  protected readonly quote = signal<PublicQuoteView | null>(null);
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

  private decide(request: Observable<unknown>, outcome: 'accepted' | 'rejected'): void {
    this.busy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.decided.set(outcome);
        this.mode.set('view');
        this.load(this.token(), false);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = readProblem(error);
        this.actionError.set(problem.detail ?? problem.title ?? String(problem.status));
      },
    });
  }
}
