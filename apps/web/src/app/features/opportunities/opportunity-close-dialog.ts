import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Opportunity, OpportunityStageChange } from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { firstError } from '../../shared/forms/form-errors';
import { applyApiErrors } from '../../shared/sales/form-problem';
import { isConflict } from '../../shared/sales/record-api';
import { Notifier } from '../../shared/ui/notifier';

export interface OpportunityCloseDialogData {
  readonly opportunity: Opportunity;
  readonly stage: 'closed_won' | 'closed_lost';
}

/** Result: the updated opportunity, or 'conflict' when the version was stale. */
export type OpportunityCloseResult = Opportunity | 'conflict';

/**
 * Won / lost: the reason is required (the pipeline report says why deals are won or lost).
 * Sends the stage change itself so API errors stay on the reason field.
 */
@Component({
  selector: 'app-opportunity-close-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        {{ t('opportunities.close.' + data.stage + '.title', { title: data.opportunity.title }) }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <p>{{ t('opportunities.close.' + data.stage + '.message') }}</p>
          <mat-form-field class="reason">
            <mat-label>{{ t('opportunities.close.reason') }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="4"
              required
              cdkFocusInitial
              data-testid="opportunity-close-reason"
            ></textarea>
            @if (firstError(form.controls.reason); as e) {
              <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
            }
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" data-testid="opportunity-close-submit" [disabled]="saving()">
            {{ t('opportunities.close.' + data.stage + '.confirm') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .reason {
      width: min(480px, 100%);
    }
  `,
})
export class OpportunityCloseDialog {
  protected readonly data = inject<OpportunityCloseDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<OpportunityCloseDialog, OpportunityCloseResult>>(MatDialogRef);
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  protected readonly firstError = firstError;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(1000)]],
  });

  protected submit(): void {
    if (this.saving()) return;
    const reason = this.form.controls.reason.value.trim();
    if (!reason) {
      this.form.controls.reason.setValue('');
      this.form.markAllAsTouched();
      return;
    }
    const body: OpportunityStageChange = {
      version: this.data.opportunity.version,
      stage: this.data.stage,
      reason,
    };
    this.saving.set(true);
    this.http
      .patch<Opportunity>(`/api/opportunities/${encodeURIComponent(this.data.opportunity.id)}/stage`, body)
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => {
          this.saving.set(false);
          if (isConflict(error)) {
            this.dialogRef.close('conflict');
            return;
          }
          applyApiErrors(this.form, error);
          if (!readProblem(error).errors?.length) this.notifier.problem(error);
        },
      });
  }
}
