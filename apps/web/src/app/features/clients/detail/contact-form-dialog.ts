import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import type { Contact, ContactCreateInput } from '@velosi/contracts';

import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { TextField } from '../../../shared/fields/text-field';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { splitList, textOrNull } from '../../../shared/sales/form-problem';
import { ClientsApi } from '../clients-api';

export type ContactFormDialogData =
  | { readonly mode: 'create'; readonly clientId: string }
  | {
      readonly mode: 'edit';
      readonly clientId: string;
      readonly contact: Contact;
      readonly reload: () => void;
    };

/** Phones and e-mails are typed one per line (or separated by commas or semicolons). */
const LIST_SEPARATOR = /[\n,;]/;

/** Create or edit a contact of a client (ClientsApi). */
@Component({
  selector: 'app-contact-form-dialog',
  imports: [FORM_DIALOG_IMPORTS, MatCheckboxModule, TextField],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        {{ contact ? t('clients.contacts.editTitle') : t('clients.contacts.createTitle') }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="contact-form">
        <app-form-dialog-body
          submitTestId="contact-form-submit"
          [submitLabel]="contact ? t('common.save') : t('sales.actions.create')"
          [submitter]="submitter"
        >
          <app-text-field name="firstName" [label]="t('clients.contacts.firstName')" />
          <app-text-field
            name="lastName"
            [label]="t('clients.contacts.lastName')"
            required
            testId="contact-lastName"
          />
          <app-text-field class="span-2" name="position" [label]="t('clients.contacts.position')" />
          <app-text-field
            name="phones"
            [label]="t('clients.contacts.phones')"
            [rows]="2"
            [hint]="t('clients.contacts.listHint')"
          />
          <app-text-field
            name="emails"
            [label]="t('clients.contacts.emails')"
            [rows]="2"
            testId="contact-emails"
            [hint]="t('clients.contacts.listHint')"
          />
          <mat-checkbox formControlName="isPrimary">{{ t('clients.contacts.isPrimary') }}</mat-checkbox>
        </app-form-dialog-body>
      </form>
    </ng-container>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class ContactFormDialog {
  private readonly data = inject<ContactFormDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ClientsApi);

  protected readonly contact = this.data.mode === 'edit' ? this.data.contact : null;
  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: [this.contact?.firstName ?? '', [Validators.maxLength(100)]],
    lastName: [this.contact?.lastName ?? '', [Validators.required, Validators.maxLength(100)]],
    position: [this.contact?.position ?? '', [Validators.maxLength(100)]],
    phones: [(this.contact?.phones ?? []).join('\n')],
    emails: [(this.contact?.emails ?? []).join('\n')],
    isPrimary: [this.contact?.isPrimary ?? false],
  });

  protected readonly submitter = new DialogSubmit<Contact>(this.form, {
    reload: this.data.mode === 'edit' ? this.data.reload : undefined,
  });

  protected submit(): void {
    this.submitter.run(() => {
      const v = this.form.getRawValue();
      const fields: ContactCreateInput = {
        firstName: textOrNull(v.firstName),
        lastName: v.lastName.trim(),
        position: textOrNull(v.position),
        phones: splitList(v.phones, LIST_SEPARATOR),
        emails: splitList(v.emails, LIST_SEPARATOR),
        isPrimary: v.isPrimary,
      };
      const { clientId } = this.data;
      return this.data.mode === 'edit'
        ? this.api.updateContact(clientId, this.data.contact.id, {
            ...fields,
            version: this.data.contact.version,
          })
        : this.api.createContact(clientId, fields);
    });
  }
}
