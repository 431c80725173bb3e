import { Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import { QUOTE_MAIL_MAX_CC, type QuoteMailPreview } from '@velosi/contracts';
import { catchError, debounceTime, of, startWith, switchMap } from 'rxjs';

import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { TextField } from '../../../shared/fields/text-field';
import { addressesControl, splitAddresses } from '../../../shared/forms/addresses';
import { textControl } from '../../../shared/forms/text-control';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { textOrNull } from '../../../shared/sales/form-problem';
import { QuotesApi } from '../quotes-api';

/** Result of the send dialog (the page adds the version). */
export interface SendDialogResult {
  readonly recipients: string[];
  readonly cc: string[];
  readonly subject: string | null;
  readonly message: string | null;
}

export interface SendDialogData {
  readonly quoteId: string;
  readonly number: string;
  /** The contact's e-mail, else the client's billing one (quote-detail), typed in for the user to keep. */
  readonly defaultRecipient: string | null;
}

/**
 * Send the quote: recipients (none = marked sent, shared by other means), copies, subject and a
 * message, with the e-mail previewed as the customer will read it (the server writes it, so the
 * preview is the mail: greeting, the message, the link and one signature).
 */
@Component({
  selector: 'app-quote-send-dialog',
  imports: [FORM_DIALOG_IMPORTS, TextField],
  providers: [provideTranslocoScope('quotes')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('quotes.send.title', { number: data.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="quote-send-confirm"
        [submitLabel]="t('quotes.send.confirm')"
        [submitter]="submitter"
      >
        <app-text-field
          class="span-2"
          subscriptSizing="dynamic"
          name="recipients"
          inputmode="email"
          focusInitial
          [label]="t('quotes.send.recipients')"
          [hint]="t('quotes.send.recipientsHint')"
          testId="quote-send-recipients"
        />
        <app-text-field
          class="span-2"
          subscriptSizing="dynamic"
          name="cc"
          inputmode="email"
          [label]="t('quotes.send.cc')"
          [hint]="t('quotes.send.ccHint', { max: maxCc })"
          testId="quote-send-cc"
        />
        <app-text-field
          class="span-2"
          subscriptSizing="dynamic"
          name="subject"
          [label]="t('quotes.send.subject')"
          [hint]="t('quotes.send.subjectHint')"
          [placeholder]="preview()?.subject ?? ''"
          testId="quote-send-subject"
        />
        <app-text-field
          class="span-2"
          subscriptSizing="dynamic"
          name="message"
          [label]="t('quotes.send.message')"
          [rows]="4"
          testId="quote-send-message"
          [hint]="t('quotes.send.messageHint')"
        />
        <section class="span-2 mail-preview" aria-labelledby="quote-send-preview-title">
          <h3 id="quote-send-preview-title" class="section-title">{{ t('quotes.send.preview') }}</h3>
          @if (preview(); as mail) {
            <p class="mail-subject">
              <strong>{{ t('common.labelColon', { label: t('quotes.send.subject') }) }}</strong>
              <span data-testid="quote-send-preview-subject">{{ mail.subject }}</span>
            </p>
            <pre class="mail-text" data-testid="quote-send-preview" tabindex="0">{{ mail.text }}</pre>
          } @else if (previewFailed()) {
            <p class="small">{{ t('quotes.send.previewUnavailable') }}</p>
          } @else {
            <p class="small">{{ t('quotes.send.previewLoading') }}</p>
          }
        </section>
      </app-form-dialog-body>
    </form>
  `,
  styleUrls: ['../../../shared/sales/form-dialog.scss', './quote-send-dialog.scss'],
})
export class QuoteSendDialog {
  protected readonly data = inject<SendDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(QuotesApi);
  protected readonly maxCc = QUOTE_MAIL_MAX_CC;
  protected readonly form = new FormGroup({
    recipients: addressesControl(this.data.defaultRecipient),
    cc: addressesControl(null, { max: QUOTE_MAIL_MAX_CC }),
    subject: textControl(200),
    message: textControl(5000),
  });
  protected readonly submitter = new DialogSubmit<SendDialogResult>(this.form);
  protected readonly preview = signal<QuoteMailPreview | null>(null);
  protected readonly previewFailed = signal(false);

  constructor() {
    // The server composes the mail; asked again once typing pauses, and only for valid input
    // (an invalid address would answer 400, the field already says why).
    this.form.valueChanges
      .pipe(
        startWith(this.form.getRawValue()),
        debounceTime(400),
        switchMap(() =>
          this.form.invalid
            ? of(this.preview())
            : this.api.mailPreview(this.data.quoteId, this.body()).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((mail) => {
        this.previewFailed.set(mail === null);
        this.preview.set(mail);
      });
  }

  private body(): SendDialogResult {
    const v = this.form.getRawValue();
    return {
      recipients: splitAddresses(v.recipients),
      cc: splitAddresses(v.cc),
      subject: textOrNull(v.subject.replace(/[\r\n]+/g, ' ')),
      message: textOrNull(v.message),
    };
  }

  protected submit(): void {
    this.submitter.run(() => of(this.body()));
  }
}
