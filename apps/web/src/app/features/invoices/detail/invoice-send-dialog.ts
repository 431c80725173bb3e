import { Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import { MAIL_MAX_RECIPIENTS, type InvoiceSendResult } from '@velosi/contracts';

import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { TextField } from '../../../shared/fields/text-field';
import { addressesControl, splitAddresses } from '../../../shared/forms/addresses';
import { textControl } from '../../../shared/forms/text-control';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { textOrNull } from '../../../shared/sales/form-problem';
import { InvoicesApi } from '../invoices-api';

export interface InvoiceSendDialogData {
  readonly invoiceId: string;
  readonly number: string;
  /** The client's address (ClientsApi.billingEmail), typed in for the user to keep or change. */
  readonly defaultRecipient: string | null;
}

/** Sends the stored PDF by e-mail (`POST /api/invoices/:id/send`); closes with the API's answer. */
@Component({
  selector: 'app-invoice-send-dialog',
  imports: [FORM_DIALOG_IMPORTS, TextField],
  providers: [provideTranslocoScope('invoices')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('invoices.send.title', { number: data.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="invoice-send-confirm"
        [submitLabel]="t('invoices.send.confirm')"
        [saving]="submitter.saving()"
      >
        <app-text-field
          class="span-2"
          subscriptSizing="dynamic"
          name="recipients"
          inputmode="email"
          required
          [label]="t('invoices.send.recipients')"
          [hint]="t('invoices.send.recipientsHint')"
          [messages]="{
            'validation.required': t('invoices.send.recipientsInvalid', { max: max }),
            'validation.email': t('invoices.send.recipientsInvalid', { max: max }),
            'validation.tooManyAddresses': t('invoices.send.recipientsInvalid', { max: max }),
          }"
          testId="invoice-send-recipients"
        />
        <app-text-field
          class="span-2"
          name="message"
          [label]="t('invoices.send.message')"
          [rows]="5"
          testId="invoice-send-message"
        />
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class InvoiceSendDialog {
  private readonly api = inject(InvoicesApi);
  protected readonly data = inject<InvoiceSendDialogData>(MAT_DIALOG_DATA);
  protected readonly max = MAIL_MAX_RECIPIENTS;
  protected readonly form = new FormGroup({
    // Any invalid list (none, a wrong address, too many) shows the one message of the field.
    recipients: addressesControl(this.data.defaultRecipient, { required: true }),
    message: textControl(5000),
  });
  protected readonly submitter = new DialogSubmit<InvoiceSendResult>(this.form);

  protected submit(): void {
    const v = this.form.getRawValue();
    this.submitter.run(() =>
      this.api.send(this.data.invoiceId, {
        recipients: splitAddresses(v.recipients),
        message: textOrNull(v.message),
      }),
    );
  }
}
