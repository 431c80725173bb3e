import { Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import { MAIL_MAX_RECIPIENTS, type ReminderSendResult } from '@velosi/contracts';

import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { TextField } from '../../shared/fields/text-field';
import { addressesControl, splitAddresses } from '../../shared/forms/addresses';
import { textControl } from '../../shared/forms/text-control';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { textOrNull } from '../../shared/sales/form-problem';
import { ReceivablesApi } from './receivables-api';

export interface ReminderDialogData {
  readonly clientId: string;
  readonly clientName: string;
  /** The overdue total, formatted. */
  readonly overdue: string;
  /** The client's address (ClientsApi.billingEmail), typed in for the user to keep or change. */
  readonly defaultRecipient: string | null;
}

/**
 * "Relance": says what will be sent and to whom before sending it (the field starts with the
 * client's address, which the user may change; left empty, the API uses the client's e-mail, and a
 * client without one needs an address here, the API says so on the field).
 * Sends `POST /api/receivables/:clientId/reminder`; closes with the API's answer.
 */
@Component({
  selector: 'app-reminder-dialog',
  imports: [FORM_DIALOG_IMPORTS, TextField],
  providers: [provideTranslocoScope('receivables')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('receivables.remind.title') }}</h2>
      <app-form-dialog-body
        submitTestId="reminder-confirm"
        [submitLabel]="t('receivables.remind.confirm')"
        [submitter]="submitter"
      >
        <p class="span-2">
          {{ t('receivables.remind.message', { client: data.clientName, amount: data.overdue }) }}
        </p>
        <app-text-field
          class="span-2"
          subscriptSizing="dynamic"
          name="recipients"
          inputmode="email"
          [label]="t('receivables.remind.recipients')"
          [hint]="t('receivables.remind.recipientsHint')"
          [messages]="{
            'validation.email': t('receivables.remind.recipientsInvalid', { max: max }),
            'validation.tooManyAddresses': t('receivables.remind.recipientsInvalid', { max: max }),
            'validation.noClientEmail': t('receivables.remind.noClientEmail'),
          }"
          testId="reminder-recipients"
        />
        <app-text-field
          class="span-2"
          name="message"
          [label]="t('receivables.remind.note')"
          [rows]="3"
          testId="reminder-message"
        />
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class ReminderDialog {
  private readonly api = inject(ReceivablesApi);
  protected readonly data = inject<ReminderDialogData>(MAT_DIALOG_DATA);
  protected readonly max = MAIL_MAX_RECIPIENTS;
  protected readonly form = new FormGroup({
    recipients: addressesControl(this.data.defaultRecipient),
    message: textControl(5000),
  });
  // The API's only error on `recipients` when none are typed: shown in the page's language.
  protected readonly submitter = new DialogSubmit<ReminderSendResult>(this.form, {
    worded: [
      { field: 'recipients', message: 'the client has no e-mail address: give one', key: 'noClientEmail' },
    ],
  });

  protected submit(): void {
    const recipients = splitAddresses(this.form.controls.recipients.value);
    const message = textOrNull(this.form.controls.message.value);
    this.submitter.run(() =>
      this.api.remind(this.data.clientId, {
        ...(recipients.length ? { recipients } : {}),
        ...(message ? { message } : {}),
      }),
    );
  }
}
