import { Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatFormFieldModule } from '@angular/material/form-field';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { Payment } from '@velosi/contracts';

import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { requiredTextControl } from '../../../shared/forms/text-control';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { PaymentsApi } from '../payments-api';

export interface PaymentReverseDialogData {
  readonly payment: Pick<Payment, 'id' | 'number' | 'version'>;
  /** Reloads the detail page when the receipt changed meanwhile (409). */
  readonly reload: () => void;
}

/** PaymentReverseSchema's cap on the reason. */
export const REVERSAL_REASON_MAX = 500;

/**
 * Reverses a wrong receipt (`POST /api/payments/:id/reverse`): the receipt stays, marked reversed
 * with the reason, and its invoices reopen. Closes with the reversed receipt.
 */
@Component({
  selector: 'app-payment-reverse-dialog',
  imports: [FORM_DIALOG_IMPORTS, MatFormFieldModule, MatInputModule],
  providers: [provideTranslocoScope('payments')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('payments.reverse.title', { number: data.payment.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="payment-reverse-confirm"
        [submitLabel]="t('payments.reverse.confirm')"
        [closeLabel]="t('payments.reverse.keep')"
        [submitter]="submitter"
      >
        <p class="span-2">{{ t('payments.reverse.message') }}</p>
        <mat-form-field class="span-2">
          <mat-label>{{ t('payments.reverse.reason') }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="reason"
            required
            [maxlength]="max"
            data-testid="payment-reverse-reason"
          ></textarea>
          @if (form.controls.reason.invalid && form.controls.reason.touched) {
            <mat-error>{{ t('payments.reverse.reasonRequired') }}</mat-error>
          }
        </mat-form-field>
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class PaymentReverseDialog {
  private readonly api = inject(PaymentsApi);
  protected readonly data = inject<PaymentReverseDialogData>(MAT_DIALOG_DATA);
  protected readonly max = REVERSAL_REASON_MAX;
  protected readonly form = new FormGroup({
    reason: requiredTextControl(REVERSAL_REASON_MAX),
  });
  protected readonly submitter = new DialogSubmit<Payment>(this.form, { reload: this.data.reload });

  protected submit(): void {
    const { id, version } = this.data.payment;
    this.submitter.run(() =>
      this.api.reverse(id, { version, reason: this.form.controls.reason.value.trim() }),
    );
  }
}
