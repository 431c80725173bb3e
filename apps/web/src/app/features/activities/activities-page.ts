import { Component, computed, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type {
  ACTIVITY_SORT_FIELDS,
  Activity,
  ActivityStatus,
  ActivityType,
  ActivityComplete,
  ActivityUpdate,
} from '@velosi/contracts';

import { LIST_PAGE } from '../../shared/list/list-page';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { IconButton } from '../../shared/list/table/icon-button';
import { ListPageState } from '../../shared/list/list-page-state';
import { ActivitiesApi } from './activities-api';
import { activityTarget } from './activity-target';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { RecordsHttp } from '../../shared/sales/records-http';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  ACTIVITY_TYPE_ICONS,
  isOverdue,
} from '../../shared/sales/sales-options';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import {
  ActivityCompleteDialog,
  ActivityCompleteDialogData,
  ActivityCompleteResult,
} from './activity-complete-dialog';
import { ActivityFormDialog, ActivityFormDialogData } from './activity-form-dialog';

/** The sortable headers, checked against the API's sort fields. */
const SORTABLE = [
  'type',
  'subject',
  'dueAt',
  'status',
] as const satisfies readonly (typeof ACTIVITY_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type ActivityFilters = { overdue: boolean; mine: boolean; status: ActivityStatus[]; type: ActivityType[] };

/** Activities: the to-do list of calls, meetings and follow-ups; "overdue only" shows the late ones. */
@Component({
  selector: 'app-activities-page',
  imports: [LIST_PAGE, IconButton, ListSelectFilter, MatSlideToggleModule],
  templateUrl: './activities-page.html',
  styleUrl: '../../shared/list/list-page.scss',
})
export class ActivitiesPage {
  private readonly records = inject(RecordsHttp);
  private readonly api = inject(ActivitiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.can('activities:write'));
  protected readonly types = ACTIVITY_TYPES;
  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly isOverdue = isOverdue;
  protected readonly target = activityTarget;

  protected readonly list = new ListPageState<Activity, ActivityFilters>({
    // "Overdue only" lists the late ones whatever their status (the status filter is hidden then).
    // "Mine only" (the home's "À faire" links to it) keeps those assigned to the signed-in user.
    fetch: ({ filters: { overdue, mine, status, type }, ...query }) =>
      this.api.page({
        ...query,
        filters: {
          overdue: overdue ? 'true' : null,
          status: overdue ? [] : status,
          type,
          assignedTo: mine ? (this.session.me()?.sub ?? null) : null,
        },
      }),
    filters: { overdue: false, mine: false, status: ['scheduled', 'postponed'], type: [] },
    sort: { initial: { active: 'dueAt', direction: 'asc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<Activity>('activities', 'activity', { route: null });

  constructor() {
    registerSalesIcons();
  }

  protected iconOf(a: Activity): string {
    return ACTIVITY_TYPE_ICONS[a.type];
  }

  /** "Terminer": asks for an optional outcome, then offers to undo from the snack bar. */
  protected complete(a: Activity): void {
    const data: ActivityCompleteDialogData = { subject: a.subject };
    this.dialog
      .open<ActivityCompleteDialog, ActivityCompleteDialogData, ActivityCompleteResult>(
        ActivityCompleteDialog,
        {
          data,
          width: '520px',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((answer) => {
        if (!answer) return;
        const body: ActivityComplete = { version: a.version, outcome: answer.outcome };
        this.records.action<Activity>('activities', a.id, 'complete', body).subscribe({
          next: (done) => {
            this.notifier.successWithUndo('activities.completed', { subject: a.subject }, () =>
              this.reopen(a, done),
            );
            this.list.reload();
          },
          error: (error: unknown) => this.conflicts.handle(error, () => this.list.reload()),
        });
      });
  }

  /** Undo of "Terminer": back to the status it had, no done date, no outcome. */
  private reopen(before: Activity, done: Activity): void {
    const body: ActivityUpdate = {
      version: done.version,
      status: before.status,
      doneAt: null,
      outcome: null,
    };
    this.records.update<Activity, ActivityUpdate>('activities', done.id, body).subscribe({
      next: () => {
        this.notifier.success('activities.reopened', { subject: before.subject });
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
