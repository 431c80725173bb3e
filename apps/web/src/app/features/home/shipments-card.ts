import { Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Job, JobStatus } from '@velosi/contracts';
import { forkJoin, map } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import type { Page } from '../../shared/sales/record-api';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { JobsApi } from '../jobs/jobs-api';
import { addDays, todayIso } from '../quotes/quote-options';

/** How far ahead the card looks, and how many jobs each group lists (its link opens them all). */
const AHEAD_DAYS = 7;
const SHOWN = 4;

type GroupName = 'late' | 'departing' | 'arriving';

/** One group of the card: the jobs list's filters for it (in the list's own address form). */
interface Group {
  readonly name: GroupName;
  readonly filters: Readonly<Record<string, string>>;
  readonly sort: string;
}

/**
 * The groups, from the day: late (ETA passed, not arrived), leaving within a week (not departed
 * yet), arriving within a week (on the way). The jobs list answers each, with its visibility.
 */
export function shipmentGroups(today: string): readonly Group[] {
  const ahead = addDays(today, AHEAD_DAYS);
  const notDeparted: JobStatus[] = ['open', 'booked'];
  const underway: JobStatus[] = ['in_transit'];
  return [
    { name: 'late', filters: { overdue: 'true' }, sort: 'eta:asc' },
    {
      name: 'departing',
      filters: { status: notDeparted.join(','), etdFrom: today, etdTo: ahead },
      sort: 'etd:asc',
    },
    {
      name: 'arriving',
      filters: { status: underway.join(','), etaFrom: today, etaTo: ahead },
      sort: 'eta:asc',
    },
  ];
}

/**
 * "Expéditions à suivre": what an operations agent acts on this week — late shipments, departures
 * and arrivals of the next seven days, each group with its count, its first jobs and a link to
 * the jobs list filtered alike. The home shows it to those who run jobs (`jobs:write`).
 */
@Component({
  selector: 'app-shipments-card',
  imports: [LocalDatePipe, MatCardModule, RouterLink, TranslocoDirective],
  providers: [provideTranslocoScope('dashboard', 'jobs')],
  template: `
    @if (groups.hasValue()) {
      <mat-card appearance="outlined" class="panel" data-testid="shipments" *transloco="let t">
        <h2 class="title">{{ t('dashboard.shipments.title') }}</h2>
        @for (g of groups.value(); track g.group.name) {
          <section class="group" [attr.data-testid]="'shipments-' + g.group.name">
            <h3 class="group-title">
              <a
                routerLink="/jobs"
                [queryParams]="query(g.group)"
                [attr.data-testid]="'shipments-link-' + g.group.name"
              >
                {{ t('dashboard.shipments.' + g.group.name, { count: g.page.total }) }}
              </a>
            </h3>
            @for (j of g.page.items; track j.id) {
              <div class="item" data-testid="shipments-item">
                <a [routerLink]="['/jobs', j.id]">{{ j.number }}</a>
                <span class="who">{{ j.clientName }}</span>
                <span class="when">{{ when(g.group.name, j) | localDate: lang() }}</span>
              </div>
            } @empty {
              <p class="none">{{ t('dashboard.shipments.none') }}</p>
            }
          </section>
        }
      </mat-card>
    }
  `,
  styleUrl: './home-card.scss',
  styles: `
    .group-title {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
    }

    .item {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr) max-content;
      gap: 8px;
      padding: 4px 0;
    }

    .who {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .none {
      margin: 0;
    }
  `,
})
export class ShipmentsCard {
  private readonly api = inject(JobsApi);
  protected readonly lang = inject(LanguageService).active;

  protected readonly groups = rxResource({
    params: () => todayIso(),
    stream: ({ params: today }) => {
      const groups = shipmentGroups(today);
      return forkJoin(
        groups.map((group) =>
          this.api
            .page({
              page: 1,
              pageSize: SHOWN,
              q: '',
              sort: group.sort,
              filters: listFilters(group.filters),
            })
            .pipe(map((page: Page<Job>) => ({ group, page }))),
        ),
      );
    },
  });

  /** The jobs list's address for a group: its filters and its sort. */
  protected query(group: Group): Record<string, string> {
    return { ...group.filters, sort: group.sort };
  }

  /** The date that puts a job in its group: the ETA when late or arriving, else the ETD. */
  protected when(group: GroupName, job: Job): string | null {
    return (group === 'departing' ? job.etd : job.eta) ?? null;
  }
}

/** A group's address filters as the list API takes them (a status list split back into values). */
function listFilters(filters: Readonly<Record<string, string>>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [key, key === 'status' ? value.split(',') : value]),
  );
}
