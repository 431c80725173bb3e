import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { Payment } from '@velosi/contracts';

import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { TextField } from '../../../shared/fields/text-field';
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
  imports: [FORM_DIALOG_IMPORTS, TextField],
  providers: [provideTranslocoScope('payments')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('payments.reverse.title', { number: data.payment.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="payment-reverse-confirm"
        [submitLabel]="t('payments.reverse.confirm')"
        [submitter]="submitter"
      >
        <p class="span-2">{{ t('payments.reverse.message') }}</p>
        <app-text-field
          class="span-2"
          name="reason"
          [label]="t('payments.reverse.reason')"
          [rows]="3"
          required
          [maxlength]="max"
          testId="payment-reverse-reason"
          [messages]="{
            'validation.required': t('payments.reverse.reasonRequired'),
            'validation.maxLength': t('payments.reverse.reasonRequired'),
            'validation.server': t('payments.reverse.reasonRequired'),
          }"
        />
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
