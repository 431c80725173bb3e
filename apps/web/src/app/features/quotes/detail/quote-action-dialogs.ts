import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { QuoteTransportDetails } from '@velosi/contracts';

import { fieldError } from '../quote-errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Result of the send dialog (the page adds the version). */
export interface SendDialogResult {
  readonly recipients: string[];
  readonly message: string | null;
}

export interface SendDialogData {
  readonly number: string;
  /** E-mail of the quote's contact, proposed as recipient. */
  readonly defaultRecipient: string | null;
}

/** Recipients separated by commas, semicolons or spaces; all must look like e-mails. */
function recipientsValidator(control: { value: string }) {
  const list = splitRecipients(control.value);
  return list.every((e) => EMAIL.test(e)) && list.length <= 10 ? null : { email: true };
}

function splitRecipients(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Send the quote: e-mail recipients (none = marked sent, shared by other means) and a message. */
@Component({
  selector: 'app-quote-send-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('quotes')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('quotes.send.title', { number: data.number }) }}</h2>
      <mat-dialog-content>
        <mat-form-field class="full">
          <mat-label>{{ t('quotes.send.recipients') }}</mat-label>
          <input matInput formControlName="recipients" data-testid="quote-send-recipients" cdkFocusInitial />
          <mat-hint>{{ t('quotes.send.recipientsHint') }}</mat-hint>
          @if (firstError(form.controls.recipients); as e) {
            <mat-error>{{ t(e.key, e.params) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ t('quotes.send.message') }}</mat-label>
          <textarea matInput rows="4" formControlName="message" data-testid="quote-send-message"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
        <button mat-flat-button type="submit" data-testid="quote-send-confirm">
          {{ t('quotes.send.confirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: min(100%, 480px);
      display: block;
    }
  `,
})
export class QuoteSendDialog {
  protected readonly data = inject<SendDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<QuoteSendDialog, SendDialogResult>);
  protected readonly firstError = fieldError;
  protected readonly form = new FormGroup({
    recipients: new FormControl(this.data.defaultRecipient ?? '', {
      nonNullable: true,
      validators: [recipientsValidator],
    }),
    message: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(5000)] }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.ref.close({ recipients: splitRecipients(v.recipients), message: orNull(v.message) });
  }
}

/** Result of the accept dialog. */
export interface AcceptDialogResult {
  readonly transport: QuoteTransportDetails;
  readonly customerReference: string | null;
}

/** Accept the quote for the client, with the booking facts known now (saved for operations). */
@Component({
  selector: 'app-quote-accept-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('quotes')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('quotes.accept.title', { number: data.number }) }}</h2>
      <mat-dialog-content>
        <p>{{ t('quotes.accept.intro') }}</p>
        <div class="grid">
          @for (field of fields; track field) {
            <mat-form-field>
              <mat-label>{{ t('quotes.transport.' + field) }}</mat-label>
              <input
                matInput
                [type]="field === 'etd' || field === 'eta' ? 'date' : 'text'"
                [formControlName]="field"
                [attr.data-testid]="'quote-accept-' + field"
              />
              @if (firstError(form.controls[field]); as e) {
                <mat-error>{{ t(e.key, e.params) }}</mat-error>
              }
            </mat-form-field>
          }
        </div>
        <mat-form-field class="full">
          <mat-label>{{ t('quotes.transport.notes') }}</mat-label>
          <textarea matInput rows="2" formControlName="notes"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
        <button mat-flat-button type="submit" data-testid="quote-accept-confirm">
          {{ t('quotes.accept.confirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(180px, 1fr));
      gap: 0 16px;
    }
    .full {
      width: 100%;
    }
  `,
})
export class QuoteAcceptDialog {
  protected readonly data = inject<{ number: string }>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<QuoteAcceptDialog, AcceptDialogResult>);
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
  private readonly text = (max: number) =>
    new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max)] });
  protected readonly form = new FormGroup({
    customerReference: this.text(100),
    carrierName: this.text(200),
    vesselName: this.text(200),
    voyageNumber: this.text(50),
    flightNumber: this.text(20),
    bookingReference: this.text(100),
    etd: this.text(10),
    eta: this.text(10),
    notes: this.text(2000),
  });

  protected submit(): void {
    const v = this.form.getRawValue();
    if (v.etd && v.eta && v.eta < v.etd) this.form.controls.eta.setErrors({ etaBeforeEtd: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close({
      customerReference: orNull(v.customerReference),
      transport: {
        carrierName: orNull(v.carrierName),
        vesselName: orNull(v.vesselName),
        voyageNumber: orNull(v.voyageNumber),
        flightNumber: orNull(v.flightNumber),
        bookingReference: orNull(v.bookingReference),
        etd: orNull(v.etd),
        eta: orNull(v.eta),
        notes: orNull(v.notes),
      },
    });
  }
}

export interface ReasonDialogData {
  readonly action: 'reject' | 'cancel';
  readonly number: string;
  /** Reject needs a reason; cancel may go without. */
  readonly required: boolean;
}

/** Reject (reason required) or cancel (reason optional) the quote. Closes with the reason text. */
@Component({
  selector: 'app-quote-reason-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('quotes')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('quotes.' + data.action + '.title', { number: data.number }) }}</h2>
      <mat-dialog-content>
        <mat-form-field class="full">
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
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
        <button
          mat-flat-button
          type="submit"
          class="destructive"
          [attr.data-testid]="'quote-' + data.action + '-confirm'"
        >
          {{ t('quotes.' + data.action + '.confirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: min(100%, 480px);
      display: block;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class QuoteReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<QuoteReasonDialog, { reason: string | null }>);
  protected readonly firstError = fieldError;
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: this.data.required
        ? [Validators.required, Validators.maxLength(1000)]
        : [Validators.maxLength(1000)],
    }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close({ reason: orNull(this.form.getRawValue().reason) });
  }
}
