import { Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ClosedStage, Opportunity, OpportunityStageChange } from '@velosi/contracts';

import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { firstError } from '../../shared/forms/form-errors';
import { requiredTextControl } from '../../shared/forms/text-control';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { OpportunitiesApi } from './opportunities-api';

export interface OpportunityCloseDialogData {
  readonly opportunity: Opportunity;
  readonly stage: ClosedStage;
  /** Reloads what shows the opportunity: offered when the version was stale (HTTP 409). */
  readonly reload: () => void;
}

/**
 * Won / lost: the reason is required (the pipeline report says why deals are won or lost).
 * Sends the stage change itself so API errors stay on the reason field; closes with the updated
 * opportunity.
 */
@Component({
  selector: 'app-opportunity-close-dialog',
  imports: [FORM_DIALOG_IMPORTS, MatFormFieldModule, MatInputModule],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        {{ t('opportunities.close.' + data.stage + '.title', { title: data.opportunity.title }) }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <app-form-dialog-body
          submitTestId="opportunity-close-submit"
          [submitLabel]="t('opportunities.close.' + data.stage + '.confirm')"
          [saving]="submitter.saving()"
        >
          <p class="span-2">{{ t('opportunities.close.' + data.stage + '.message') }}</p>
          <mat-form-field class="span-2">
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
        </app-form-dialog-body>
      </form>
    </ng-container>
  `,
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class OpportunityCloseDialog {
  protected readonly data = inject<OpportunityCloseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(OpportunitiesApi);
  protected readonly firstError = firstError;
  protected readonly form = new FormGroup({ reason: requiredTextControl(1000) });
  protected readonly submitter = new DialogSubmit<Opportunity>(this.form, { reload: this.data.reload });

  protected submit(): void {
    const reason = this.form.controls.reason.value.trim();
    this.submitter.run(() => {
      const body: OpportunityStageChange = {
        version: this.data.opportunity.version,
        stage: this.data.stage,
        reason,
      };
      return this.api.changeStage(this.data.opportunity.id, body);
    });
  }
}
