import { HttpClient, HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Activity, ActivityStatus, ActivityType, VersionedAction } from '@velosi/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { Page, listParams, parsePage } from '../../shared/sales/record-api';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  ACTIVITY_TYPE_ICONS,
  isOverdue,
} from '../../shared/sales/sales-options';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { TranslatedPaginatorIntl } from '../../shared/ui/translated-paginator-intl';
import { ActivityFormDialog, ActivityFormDialogData } from './activity-form-dialog';

const COLUMNS = ['type', 'subject', 'about', 'dueAt', 'status', 'actions'] as const;

/** The record an activity is about, as a router link. */
export function activityTarget(a: Activity): { path: string[]; kind: string } | null {
  if (a.leadId) return { path: ['/leads', a.leadId], kind: 'lead' };
  if (a.opportunityId) return { path: ['/opportunities', a.opportunityId], kind: 'opportunity' };
  if (a.clientId) return { path: ['/clients', a.clientId], kind: 'client' };
  if (a.quoteId) return { path: ['/quotes', a.quoteId], kind: 'quote' };
  return null;
}

/** Activities: the to-do list of calls, meetings and follow-ups; "overdue only" shows the late ones. */
@Component({
  selector: 'app-activities-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activities-page.html',
  styleUrl: '../../shared/sales/list-page.scss',
})
export class ActivitiesPage {
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.permissions().has('activities:write'));
  protected readonly columns = COLUMNS;
  protected readonly types = ACTIVITY_TYPES;
  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly isOverdue = isOverdue;
  protected readonly target = activityTarget;

  protected readonly searchText = signal('');
  protected readonly query = toSignal(
    toObservable(this.searchText).pipe(
      map((text) => text.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly overdue = signal(false);
  protected readonly status = signal<ActivityStatus[]>(['scheduled', 'postponed']);
  protected readonly type = signal<ActivityType[]>([]);
  protected readonly sort = signal<Sort>({ active: 'dueAt', direction: 'asc' });
  protected readonly pageIndex = linkedSignal({
    source: () => [this.query(), this.overdue(), this.status(), this.type(), this.sort()],
    computation: () => 0,
  });
  protected readonly pageSize = signal(20);

  protected readonly list = httpResource(
    () => ({
      url: '/api/activities',
      params: listParams({
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        q: this.query(),
        overdue: this.overdue() ? 'true' : null,
        status: this.overdue() ? [] : this.status(),
        type: this.type(),
        sort: this.sort().direction ? `${this.sort().active}:${this.sort().direction}` : null,
      }),
    }),
    { parse: (raw) => parsePage<Activity>(raw) },
  );
  protected readonly page = linkedSignal<Page<Activity> | undefined, Page<Activity> | undefined>({
    source: () => (this.list.hasValue() ? this.list.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly errorStatus = computed(() => {
    const error = this.list.error();
    if (!error) return null;
    return error instanceof HttpErrorResponse ? error.status : -1;
  });

  constructor() {
    registerSalesIcons();
  }

  protected iconOf(a: Activity): string {
    return ACTIVITY_TYPE_ICONS[a.type];
  }

  protected onSearch(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected complete(a: Activity): void {
    const body: VersionedAction = { version: a.version };
    this.http.post<Activity>(`/api/activities/${encodeURIComponent(a.id)}/complete`, body).subscribe({
      next: () => {
        this.notifier.success('activities.completed', { subject: a.subject });
        this.list.reload();
      },
      error: (error: unknown) => this.conflicts.handle(error, () => this.list.reload()),
    });
  }

  protected edit(activity: Activity): void {
    const data: ActivityFormDialogData = { mode: 'edit', activity, reload: () => this.list.reload() };
    this.dialog
      .open(ActivityFormDialog, { data, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Activity | undefined) => {
        if (!saved) return;
        this.notifier.success('sales.saved');
        this.list.reload();
      });
  }
}
