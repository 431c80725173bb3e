import { Component, inject } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';

import { ControlError } from '../../../shared/fields/control-error';
import { requiredTextControl } from '../../../shared/forms/text-control';

/** Cancelling a job asks why (the API keeps the reason); closes with the reason, or nothing. */
@Component({
  selector: 'app-job-cancel-dialog',
  imports: [
    ControlError,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  template: `
    <form *transloco="let t" [formGroup]="form" (ngSubmit)="submit()">
      <h2 mat-dialog-title>{{ t('jobs.cancel.title', { number: data.number }) }}</h2>
      <mat-dialog-content>
        <mat-form-field class="reason">
          <mat-label>{{ t('jobs.cancel.reason') }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="reason"
            data-testid="job-cancel-reason"
            cdkFocusInitial
          ></textarea>
          <app-control-error matError [control]="reason" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('jobs.cancel.keep') }}</button>
        <button mat-flat-button type="submit" class="destructive" data-testid="job-cancel-confirm">
          {{ t('jobs.cancel.confirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      width: min(100%, 480px);
    }

    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class JobCancelDialog {
  protected readonly data = inject<{ number: string }>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<JobCancelDialog, string>);
  protected readonly reason = requiredTextControl(500);
  // The form directive makes the submit button send ngSubmit; a bare <form> would be submitted by
  // the browser (a full page reload that cancelled nothing).
  protected readonly form = new FormGroup({ reason: this.reason });

  protected submit(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close(this.reason.value.trim());
  }
}
