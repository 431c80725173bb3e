import { Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';

import { textOrNull } from '../../shared/sales/form-problem';

export interface ActivityCompleteDialogData {
  readonly subject: string;
}

/** What the user answered: the outcome note (null when left empty). */
export interface ActivityCompleteResult {
  readonly outcome: string | null;
}

/** "Terminer": confirms marking an activity done and takes an optional outcome note. */
@Component({
  selector: 'app-activity-complete-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('activities.completeDialog.title', { subject: data.subject }) }}</h2>
      <mat-dialog-content>
        <mat-form-field class="outcome">
          <mat-label>{{ t('activities.completeDialog.outcome') }}</mat-label>
          <textarea
            matInput
            [formControl]="outcome"
            rows="3"
            cdkFocusInitial
            data-testid="activity-outcome"
          ></textarea>
          <mat-hint>{{ t('activities.completeDialog.hint') }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
        <button mat-flat-button type="button" data-testid="activity-complete-confirm" (click)="confirm()">
          {{ t('activities.complete') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .outcome {
      width: 100%;
    }
  `,
})
export class ActivityCompleteDialog {
  protected readonly data = inject<ActivityCompleteDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<ActivityCompleteDialog, ActivityCompleteResult>>(MatDialogRef);
  protected readonly outcome = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(2000)],
  });

  protected confirm(): void {
    this.dialogRef.close({ outcome: textOrNull(this.outcome.value) });
  }
}
