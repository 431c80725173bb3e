import { Component, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatRadioModule } from '@angular/material/radio';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { CreditNoteCreate, Invoice } from '@velosi/contracts';
import { compareAmounts } from '@velosi/contracts/invoice-math';

import { LanguageService } from '../../../core/i18n/language.service';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { decimalInput, normalizeDecimal } from '../../../shared/forms/decimal';
import { requiredTextControl } from '../../../shared/forms/text-control';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { loadAll } from '../../../shared/sales/load-all';
import { InvoicesApi } from '../invoices-api';
import { remainingQuantities } from './credit-remaining';
import { DecimalLanguageInput } from '../../../shared/forms/decimal-language-input';
import { LocalQuantityPipe } from '../../../shared/ui/local-quantity.pipe';

export interface CreditDialogData {
  readonly invoice: Invoice;
  /** The credit notes already issued against it (their lines say what is left to credit). */
  readonly creditNoteIds: readonly string[];
}

const DECIMAL = /^\d{1,12}(\.\d{1,3})?$/;

/**
 * A credit note of an issued invoice: everything not yet credited, or chosen quantities per line
 * (each within what remains). Sends `POST /api/invoices/:id/credit-notes`; closes with the note.
 */
@Component({
  selector: 'app-invoice-credit-dialog',
  imports: [
    LocalQuantityPipe,
    DecimalLanguageInput,
    FORM_DIALOG_IMPORTS,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
  ],
  providers: [provideTranslocoScope('invoices')],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" *transloco="let t">
      <h2 mat-dialog-title>{{ t('invoices.credit.title', { number: data.invoice.number }) }}</h2>
      <app-form-dialog-body
        submitTestId="invoice-credit-confirm"
        [submitLabel]="t('invoices.credit.confirm')"
        [saving]="submitter.saving()"
      >
        <mat-form-field class="span-2">
          <mat-label>{{ t('invoices.credit.reason') }}</mat-label>
          <input
            matInput
            formControlName="reason"
            required
            data-testid="invoice-credit-reason"
            [errorStateMatcher]="reasonErrorState"
          />
          @if (form.controls.reason.invalid) {
            <mat-error>{{ t('invoices.credit.reasonRequired') }}</mat-error>
          }
        </mat-form-field>
        <mat-radio-group class="span-2" formControlName="mode" [attr.aria-label]="t('invoices.credit.mode')">
          <mat-radio-button value="full" data-testid="invoice-credit-full">{{
            t('invoices.credit.full')
          }}</mat-radio-button>
          <mat-radio-button value="partial" data-testid="invoice-credit-partial">{{
            t('invoices.credit.partial')
          }}</mat-radio-button>
        </mat-radio-group>
        @if (form.controls.mode.value === 'partial') {
          @if (remaining(); as left) {
            @for (line of data.invoice.lines; track line.id; let n = $index) {
              <mat-form-field class="span-2">
                <mat-label>{{ line.description }}</mat-label>
                <input
                  matInput
                  inputmode="decimal"
                  [formControl]="quantities.at(n)"
                  [attr.data-testid]="'invoice-credit-qty-' + n"
                />
                <mat-hint>{{
                  t('invoices.credit.left', { quantity: (left[line.id] ?? '0' | localQuantity: lang()) })
                }}</mat-hint>
                @if (quantities.at(n).invalid) {
                  <mat-error>{{
                    t('invoices.credit.quantityInvalid', {
                      quantity: (left[line.id] ?? '0' | localQuantity: lang()),
                    })
                  }}</mat-error>
                }
              </mat-form-field>
            }
            @if (nothingChosen()) {
              <p class="span-2 form-error" role="alert" data-testid="invoice-credit-nothing">
                {{ t('invoices.credit.nothingChosen') }}
              </p>
            }
          } @else {
            <p class="span-2" role="status">{{ t('invoices.list.loading') }}</p>
          }
        }
      </app-form-dialog-body>
    </form>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class InvoiceCreditDialog {
  private readonly api = inject(InvoicesApi);
  private readonly lang = inject(LanguageService).active;
  protected readonly data = inject<CreditDialogData>(MAT_DIALOG_DATA);
  /** Quantity left to credit per invoice line id; null while the credit notes load. */
  protected readonly remaining = signal<Record<string, string> | null>(null);
  /** Set by an attempt to issue a partial credit note with every quantity at 0. */
  protected readonly nothingChosen = signal(false);
  protected readonly quantities = new FormArray(
    this.data.invoice.lines.map(
      (line) =>
        new FormControl('0', {
          nonNullable: true,
          validators: [Validators.required, (c) => this.withinRemaining(line.id, String(c.value))],
        }),
    ),
  );
  protected readonly form = new FormGroup({
    reason: requiredTextControl(500),
    mode: new FormControl<'full' | 'partial'>('full', { nonNullable: true }),
    quantities: this.quantities,
  });
  protected readonly submitter = new DialogSubmit<Invoice>(this.form);
  /**
   * The reason's "required" waits for typing or a save attempt: the dialog focuses the reason first,
   * so leaving it to pick "chosen quantities" would otherwise already count as touched.
   */
  protected readonly reasonErrorState: ErrorStateMatcher = {
    isErrorState: (control, form) => !!control?.invalid && (control.dirty || !!form?.submitted),
  };

  constructor() {
    loadAll(this.data.creditNoteIds, (id) => this.api.get(id)).subscribe({
      next: (loaded) => {
        const left = remainingQuantities(this.data.invoice.lines, loaded);
        this.remaining.set(left);
        // What is left, written the user's way (`2,5` in French; both ways are read back).
        this.data.invoice.lines.forEach((line, n) =>
          this.quantities
            .at(n)
            .setValue(decimalInput(left[line.id] ?? '0', this.lang(), { trimZeros: true })),
        );
      },
      error: () => this.remaining.set({}),
    });
  }

  /** A quantity (French or English) with at most 3 decimals, not above what is left of its line. */
  private withinRemaining(lineId: string, text: string): Record<string, boolean> | null {
    const value = normalizeDecimal(text);
    if (!DECIMAL.test(value)) return { decimal: true };
    const left = this.remaining()?.[lineId];
    return left !== undefined && compareAmounts(value, left) > 0 ? { max: true } : null;
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const lines = this.data.invoice.lines
      .map((line, n) => ({ invoiceLineId: line.id, quantity: normalizeDecimal(v.quantities[n] ?? '0') }))
      .filter((l) => DECIMAL.test(l.quantity) && compareAmounts(l.quantity, '0') > 0);
    // Every quantity at 0 credits nothing: said, rather than a button that does nothing.
    this.nothingChosen.set(v.mode === 'partial' && lines.length === 0);
    if (v.mode === 'partial' && (lines.length === 0 || this.quantities.invalid)) {
      this.quantities.markAllAsTouched();
      return;
    }
    // Full: no `lines`: the API credits everything not yet credited.
    const body: CreditNoteCreate = { reason: v.reason.trim(), ...(v.mode === 'partial' ? { lines } : {}) };
    this.submitter.run(() => this.api.creditNote(this.data.invoice.id, body));
  }
}
