import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type {
  Activity,
  ActivityCreateInput,
  ActivityUpdate,
  ActivityStatus,
  ActivityType,
  FieldError,
} from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { firstError } from '../../shared/forms/form-errors';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import {
  applyApiErrors,
  isoToLocalInput,
  localInputToIso,
  textOrNull,
} from '../../shared/sales/form-problem';
import { isConflict } from '../../shared/sales/record-api';
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
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('activities', 'sales')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activity-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class ActivityFormDialog {
  private readonly data = inject<ActivityFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ActivityFormDialog, Activity>>(MatDialogRef);
  private readonly records = inject(RecordsHttp);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly notifier = inject(Notifier);

  protected readonly activity = this.data.mode === 'edit' ? this.data.activity : null;
  protected readonly saving = signal(false);
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly firstError = firstError;
  protected readonly types = ACTIVITY_TYPES;
  protected readonly statuses = ACTIVITY_STATUSES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [(this.activity?.type ?? 'call') as ActivityType],
    subject: [this.activity?.subject ?? '', [Validators.required, Validators.maxLength(200)]],
    description: [this.activity?.description ?? '', [Validators.maxLength(5000)]],
    status: [(this.activity?.status ?? 'scheduled') as ActivityStatus],
    dueAt: [isoToLocalInput(this.activity?.dueAt ?? defaultDue())],
    reminderAt: [isoToLocalInput(this.activity?.reminderAt)],
  });

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const fields = {
      type: v.type,
      subject: v.subject.trim(),
      description: textOrNull(v.description),
      dueAt: localInputToIso(v.dueAt),
      reminderAt: localInputToIso(v.reminderAt),
    };
    const request =
      this.data.mode === 'edit'
        ? this.records.update<Activity, ActivityUpdate>('activities', this.data.activity.id, {
            ...fields,
            status: v.status,
            version: this.data.activity.version,
          })
        : this.records.create<Activity>('activities', {
            ...fields,
            ...this.data.link,
          } satisfies ActivityCreateInput);
    this.saving.set(true);
    this.otherErrors.set([]);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConflict(error) && this.data.mode === 'edit') {
          this.conflicts.handle(error, this.data.reload ?? (() => undefined));
          this.dialogRef.close();
          return;
        }
        this.otherErrors.set(applyApiErrors(this.form, error));
        if (!readProblem(error).errors?.length) this.notifier.problem(error);
      },
    });
  }
}

/** Tomorrow 09:00 local time: a sensible default for a call back. */
function defaultDue(): string {
  const due = new Date();
  due.setDate(due.getDate() + 1);
  due.setHours(9, 0, 0, 0);
  return due.toISOString();
}
