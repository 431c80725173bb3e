import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import { totalExclVatTnd } from '@velosi/contracts/quote-math';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { rxResource } from '@angular/core/rxjs-interop';
import { QuotesApi } from './quotes-api';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

/** Which record's quotes: a client's, a prospect's, an opportunity's (its customer comes along). */
export interface QuotesOf {
  readonly clientId?: string | null;
  readonly leadId?: string | null;
  readonly opportunityId?: string | null;
}

/**
 * The "Cotations" card of a client, prospect or opportunity page: its quotes (latest first) and a
 * "Nouvelle cotation" button opening the editor prefilled with the customer and the opportunity.
 * Shown only to users who read quotes; the button only to those who write them.
 */
@Component({
  selector: 'app-record-quotes',
  imports: [LocalMoneyPipe, MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  providers: [provideTranslocoScope('quotes')],
  template: `
    <ng-container *transloco="let t">
      <div class="head">
        <h2>{{ t('quotes.list.title') }}</h2>
        @if (canWrite()) {
          <a
            mat-stroked-button
            routerLink="/quotes/new"
            [queryParams]="newQuery()"
            data-testid="record-new-quote"
          >
            {{ t('quotes.list.create') }}
          </a>
        }
      </div>
      @if (quotes.hasValue()) {
        <ul class="quotes">
          @for (q of quotes.value(); track q.id) {
            <li>
              <a [routerLink]="['/quotes', q.id]">{{ q.number }}</a>
              <span class="title">{{ q.title }}</span>
              <span class="sub">
                <!-- Before tax and without débours, as the PDF's total and the dashboard's revenue. -->
                {{ t('quotes.status.' + q.status) }} ·
                {{ t('quotes.list.exclVat', { amount: (exclVat(q.totals) | localMoney: lang() : 'TND') }) }}
              </span>
            </li>
          } @empty {
            <li class="sub">{{ t('quotes.list.empty') }}</li>
          }
        </ul>
      }
    </ng-container>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    .quotes {
      list-style: none;
      margin: 0;
      padding: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        padding: 6px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .title {
        flex: 1 1 12rem;
        min-width: 0;
      }
      .sub {
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
})
export class RecordQuotes {
  readonly of = input.required<QuotesOf>();

  private readonly session = inject(SessionStore);
  private readonly api = inject(QuotesApi);
  protected readonly lang = inject(LanguageService).active;
  protected readonly exclVat = totalExclVatTnd;
  protected readonly canWrite = computed(() => this.session.can('quotes:write'));

  /** The list filter: the opportunity's quotes, else the customer's. */
  private readonly filter = computed(() => {
    const { clientId, leadId, opportunityId } = this.of();
    if (opportunityId) return { opportunityId };
    return clientId ? { clientId } : { leadId: leadId ?? '' };
  });

  protected readonly quotes = rxResource({
    params: () => this.filter(),
    stream: ({ params: filter }) => this.api.items({ ...filter, pageSize: 20, sort: 'number:desc' }),
  });

  protected readonly newQuery = computed(() => {
    const { clientId, leadId, opportunityId } = this.of();
    return clientId ? { clientId, opportunityId } : { leadId, opportunityId };
  });
}
