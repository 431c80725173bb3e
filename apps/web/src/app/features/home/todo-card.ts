import { Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import { isActivityOverdue, type Activity } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ACTIVITY_TYPE_ICONS } from '../../shared/sales/sales-options';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { ActivitiesApi } from '../activities/activities-api';
import { activityTarget } from '../activities/activity-target';

/** How many of the day's activities the card lists; the link opens them all. */
const SHOWN = 6;

/** The end of today in the user's time zone, as the API's `dueTo` instant. */
function endOfToday(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59, 59, 999).toISOString();
}

/**
 * "À faire": the signed-in user's open activities that are late or due today, soonest first, each
 * with what it is about — the home page's answer to "what do I do today?" (the KPI only counts them).
 * Shown to the roles that read activities.
 */
@Component({
  selector: 'app-todo-card',
  imports: [LocalDatePipe, MatCardModule, MatIconModule, RouterLink, TranslocoDirective],
  providers: [provideTranslocoScope('dashboard', 'activities', 'sales')],
  template: `
    @if (todo.hasValue()) {
      @let page = todo.value();
      <mat-card appearance="outlined" class="panel" data-testid="todo" *transloco="let t">
        <h2 class="title">{{ t('dashboard.todo.title') }}</h2>
        @for (a of page.items; track a.id) {
          <div class="item" data-testid="todo-item">
            <mat-icon [svgIcon]="icons[a.type]" aria-hidden="true" />
            <div class="what">
              <span class="subject">{{ a.subject }}</span>
              <span class="when">
                @if (target(a); as link) {
                  <a [routerLink]="link.path">{{ a.relatedName || t('activities.about.' + link.kind) }}</a> ·
                }
                {{ a.dueAt | localDate: lang() : 'dateTime' }}
                @if (late(a)) {
                  <span class="late">{{ t('sales.timeline.overdue') }}</span>
                }
              </span>
            </div>
          </div>
        } @empty {
          <p class="none">{{ t('dashboard.todo.none') }}</p>
        }
        <a routerLink="/activities" [queryParams]="{ mine: true }" data-testid="todo-all">{{
          t('dashboard.todo.all')
        }}</a>
      </mat-card>
    }
  `,
  styleUrl: './home-card.scss',
  styles: `
    .item {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 6px 0;
    }

    .what {
      display: grid;
      min-width: 0;
    }

    .subject {
      font-weight: 500;
    }

    .late {
      margin-inline-start: 4px;
      padding: 0 6px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }

    a[data-testid='todo-all'] {
      display: inline-block;
      margin-top: 8px;
    }
  `,
})
export class TodoCard {
  private readonly api = inject(ActivitiesApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly icons = ACTIVITY_TYPE_ICONS;
  protected readonly target = activityTarget;

  private readonly me = computed(() =>
    this.session.permissions().has('activities:read') ? this.session.me()?.sub : undefined,
  );
  protected readonly todo = rxResource({
    params: () => this.me(),
    stream: ({ params: me }) =>
      this.api.page({
        page: 1,
        pageSize: SHOWN,
        q: '',
        sort: 'dueAt:asc',
        filters: { status: ['scheduled', 'postponed'], assignedTo: me, dueTo: endOfToday() },
      }),
  });

  constructor() {
    registerSalesIcons();
  }

  protected late(a: Activity): boolean {
    return isActivityOverdue(a);
  }
}
