import { Component, Injectable, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import type {
  Activity,
  ActivityCreateInput,
  ActivityUpdate,
  ActivityStatus,
  ActivityType,
} from '@velosi/contracts';
import { Observable, filter, tap } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { AttachmentsPanel } from '../../shared/attachments/attachments-panel';
import { AssigneesField, currentUserAssignees } from '../../shared/fields/assignees-field';
import { DateTimeField } from '../../shared/fields/dates/date-time-field';
import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { SelectField } from '../../shared/fields/select-field';
import { TextField } from '../../shared/fields/text-field';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { isoToLocalInput, localInputToIso, textOrNull } from '../../shared/sales/form-problem';
import { RecordsHttp } from '../../shared/sales/records-http';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from '../../shared/sales/sales-options';
import { Notifier } from '../../shared/ui/notifier';

/** The record an activity is about (exactly one). */
export type ActivityLink =
  | { readonly leadId: string }
  | { readonly opportunityId: string }
  | { readonly clientId: string }
  | { readonly quoteId: string };

/**
 * Create an activity about a record (from its detail page: `{ mode: 'create', link: { quoteId } }`)
 * or edit one. Closes with the saved activity. Exported for every detail page, quotes included.
 */
export type ActivityFormDialogData =
  | { readonly mode: 'create'; readonly link: ActivityLink }
  | { readonly mode: 'edit'; readonly activity: Activity; readonly reload?: () => void };

@Component({
  selector: 'app-activity-form-dialog',
  imports: [FORM_DIALOG_IMPORTS, AssigneesField, AttachmentsPanel, DateTimeField, SelectField, TextField],
  providers: [provideTranslocoScope('activities', 'sales')],
  templateUrl: './activity-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class ActivityFormDialog {
  private readonly data = inject<ActivityFormDialogData>(MAT_DIALOG_DATA);
  private readonly records = inject(RecordsHttp);

  protected readonly activity = this.data.mode === 'edit' ? this.data.activity : null;
  /** Files of an existing activity (an edited one): its writers add and delete them. */
  protected readonly canWriteFiles = inject(SessionStore).can('activities:write');
  protected readonly types = ACTIVITY_TYPES;
  protected readonly statuses = ACTIVITY_STATUSES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [(this.activity?.type ?? 'call') as ActivityType],
    subject: [this.activity?.subject ?? '', [Validators.required, Validators.maxLength(200)]],
    description: [this.activity?.description ?? '', [Validators.maxLength(5000)]],
    status: [(this.activity?.status ?? 'scheduled') as ActivityStatus],
    dueAt: [isoToLocalInput(this.activity?.dueAt ?? defaultDue())],
    reminderAt: [isoToLocalInput(this.activity?.reminderAt)],
    assignedTo: [[...(this.activity?.assignedTo ?? currentUserAssignees())]],
  });

  protected readonly submitter = new DialogSubmit<Activity>(this.form, {
    // Without a reload to offer, a stale edit still closes with the conflict message.
    reload: this.data.mode === 'edit' ? (this.data.reload ?? (() => undefined)) : undefined,
  });

  protected submit(): void {
    this.submitter.run(() => {
      const v = this.form.getRawValue();
      const fields = {
        type: v.type,
        subject: v.subject.trim(),
        description: textOrNull(v.description),
        dueAt: localInputToIso(v.dueAt),
        reminderAt: localInputToIso(v.reminderAt),
        assignedTo: v.assignedTo,
      };
      return this.data.mode === 'edit'
        ? this.records.update<Activity, ActivityUpdate>('activities', this.data.activity.id, {
            ...fields,
            status: v.status,
            version: this.data.activity.version,
          })
        : this.records.create<Activity>('activities', {
            ...fields,
            ...this.data.link,
          } satisfies ActivityCreateInput);
    });
  }
}

/**
 * "Add an activity" of the detail pages: opens the form about `link` and emits the created
 * activity once it is saved (after the confirmation message).
 */
@Injectable({ providedIn: 'root' })
export class ActivityCreation {
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  open(link: ActivityLink): Observable<Activity> {
    const data: ActivityFormDialogData = { mode: 'create', link };
    return this.dialog
      .open<ActivityFormDialog, ActivityFormDialogData, Activity>(ActivityFormDialog, {
        data,
        width: '640px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((saved): saved is Activity => saved !== undefined),
        tap(() => this.notifier.success('activities.created')),
      );
  }
}

/** Tomorrow 09:00 local time: a sensible default for a call back. */
function defaultDue(): string {
  const due = new Date();
  due.setDate(due.getDate() + 1);
  due.setHours(9, 0, 0, 0);
  return due.toISOString();
}
