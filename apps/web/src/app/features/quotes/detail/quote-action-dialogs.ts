import { Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { QuoteTransportDetails } from '@velosi/contracts';
import { of } from 'rxjs';

import { DateField } from '../../../shared/fields/dates/date-field';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { TextField } from '../../../shared/fields/text-field';
import { requiredTextControl, textControl } from '../../../shared/forms/text-control';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { textOrNull } from '../../../shared/sales/form-problem';
import { fieldError } from '../quote-errors';

// The quote's action dialogs only collect what the action needs and close with it: the detail
// page sends the request, since a stale version shows its conflict banner. So each submit is
// DialogSubmit's (validate, then close with the answer) with the answer already at hand.

/** What the accept dialog starts from: the quote's number and the carrier it quoted (by name). */
export interface AcceptDialogData {
  readonly number: string;
  readonly carrierName: string | null;
}

/** Result of the accept dialog. */
export interface AcceptDialogResult {
  readonly transport: QuoteTransportDetails;
  readonly customerReference: string | null;
}

/** Accept the quote for the client, with the booking facts known now (saved for operations). */
@Component({
  selector: 'app-quote-accept-dialog',
  imports: [FORM_DIALOG_IMPORTS, DateField, MatFormFieldModule, MatInputModule, TextField],
  providers: [provideTranslocoScope('quotes')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('quotes.accept.title', { number: data.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="quote-accept-confirm"
        [submitLabel]="t('quotes.accept.confirm')"
        [submitter]="submitter"
      >
        <p class="span-2">{{ t('quotes.accept.intro') }}</p>
        @for (field of fields; track field) {
          @if (field === 'etd' || field === 'eta') {
            <app-date-field
              [control]="form.controls[field]"
              [label]="t('quotes.transport.' + field)"
              [messages]="{ 'validation.etaBeforeEtd': t('quotes.validation.etaBeforeEtd') }"
              [testId]="'quote-accept-' + field"
            />
          } @else {
            <mat-form-field>
              <mat-label>{{ t('quotes.transport.' + field) }}</mat-label>
              <input matInput [formControlName]="field" [attr.data-testid]="'quote-accept-' + field" />
              @if (firstError(form.controls[field]); as e) {
                <mat-error>{{ t(e.key, e.params) }}</mat-error>
              }
            </mat-form-field>
          }
        }
        <app-text-field class="span-2" name="notes" [label]="t('quotes.transport.notes')" [rows]="2" />
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class QuoteAcceptDialog {
  protected readonly data = inject<AcceptDialogData>(MAT_DIALOG_DATA);
  protected readonly firstError = fieldError;
  protected readonly fields = [
    'customerReference',
    'carrierName',
    'vesselName',
    'voyageNumber',
    'flightNumber',
    'bookingReference',
    'etd',
    'eta',
  ] as const;
  protected readonly form = new FormGroup({
    customerReference: textControl(100),
    // The carrier quoted, still editable: the booking may go to another line.
    carrierName: textControl(200, this.data.carrierName ?? ''),
    vesselName: textControl(200),
    voyageNumber: textControl(50),
    flightNumber: textControl(20),
    bookingReference: textControl(100),
    etd: textControl(10),
    eta: textControl(10),
    notes: textControl(2000),
  });
  protected readonly submitter = new DialogSubmit<AcceptDialogResult>(this.form);

  protected submit(): void {
    const v = this.form.getRawValue();
    if (v.etd && v.eta && v.eta < v.etd) this.form.controls.eta.setErrors({ etaBeforeEtd: true });
    this.submitter.run(() =>
      of({
        customerReference: textOrNull(v.customerReference),
        transport: {
          carrierName: textOrNull(v.carrierName),
          vesselName: textOrNull(v.vesselName),
          voyageNumber: textOrNull(v.voyageNumber),
          flightNumber: textOrNull(v.flightNumber),
          bookingReference: textOrNull(v.bookingReference),
          etd: textOrNull(v.etd),
          eta: textOrNull(v.eta),
          notes: textOrNull(v.notes),
        },
      }),
    );
  }
}

export interface ReasonDialogData {
  readonly action: 'reject' | 'cancel';
  readonly number: string;
  /** Reject needs a reason; cancel may go without. */
  readonly required: boolean;
}

export interface ReasonDialogResult {
  readonly reason: string | null;
}

/** Reject (reason required) or cancel (reason optional) the quote. Closes with the reason text. */
@Component({
  selector: 'app-quote-reason-dialog',
  imports: [FORM_DIALOG_IMPORTS, MatFormFieldModule, MatInputModule],
  providers: [provideTranslocoScope('quotes')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('quotes.' + data.action + '.title', { number: data.number }) }}</h2>
      <app-form-dialog-body
        [submitTestId]="'quote-' + data.action + '-confirm'"
        [submitLabel]="t('quotes.' + data.action + '.confirm')"
        [submitter]="submitter"
      >
        <mat-form-field class="span-2">
          <mat-label>{{ t('quotes.reason') }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="reason"
            [required]="data.required"
            [attr.data-testid]="'quote-' + data.action + '-reason'"
            cdkFocusInitial
          ></textarea>
          @if (firstError(form.controls.reason); as e) {
            <mat-error>{{ t(e.key, e.params) }}</mat-error>
          }
        </mat-form-field>
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
  // Rejecting or cancelling cannot be undone: the confirm button (the body's only filled one)
  // takes the error colour.
  styles: `
    :host {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class QuoteReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  protected readonly firstError = fieldError;
  protected readonly form = new FormGroup({
    reason: this.data.required ? requiredTextControl(1000) : textControl(1000),
  });
  protected readonly submitter = new DialogSubmit<ReasonDialogResult>(this.form);

  protected submit(): void {
    this.submitter.run(() => of({ reason: textOrNull(this.form.getRawValue().reason) }));
  }
}
