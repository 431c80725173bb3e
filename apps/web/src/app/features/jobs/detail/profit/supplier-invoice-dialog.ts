import { Component, inject } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { JobCharge, SupplierInvoice, VatRate } from '@velosi/contracts';
import { computeLineTotals } from '@velosi/contracts/quote-math';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { ControlError } from '../../../../shared/fields/control-error';
import { DateField } from '../../../../shared/fields/dates/date-field';
import { FORM_DIALOG_IMPORTS } from '../../../../shared/fields/form-dialog-body';
import { decimalInput, normalizeDecimal } from '../../../../shared/forms/decimal';
import { amountControl, rateControl } from '../../../../shared/forms/priced-line-controls';
import { DialogSubmit } from '../../../../shared/sales/dialog-submit';
import { textOrNull } from '../../../../shared/sales/form-problem';
import { CURRENCIES, VAT_CHOICES, todayIso } from '../../../quotes/quote-options';
import { SupplierInvoicesApi } from '../../../supplier-invoices/supplier-invoices-api';
import { LocalPercentPipe } from '../../../../shared/ui/local-percent.pipe';
import { LanguageService } from '../../../../core/i18n/language.service';
import { DecimalLanguageInput } from '../../../../shared/forms/decimal-language-input';

export interface SupplierInvoiceDialogData {
  /** The job's actual cost lines not yet settled by a supplier invoice. */
  readonly lines: readonly JobCharge[];
}

/** One cost line's row, its amount written the `lang` way (decimalInput). */
function lineGroup(charge: JobCharge, lang: string) {
  // The line's own total in its currency (quantity × unit price), what the supplier usually bills.
  const amount = computeLineTotals({
    quantity: charge.quantity,
    buyUnitPrice: '0',
    sellUnitPrice: charge.unitPrice,
    vatRate: 0,
  }).sellTotalTnd;
  return new FormGroup({
    picked: new FormControl(true, { nonNullable: true }),
    amount: amountControl(decimalInput(amount, lang)),
    vatRate: new FormControl<VatRate>(charge.isDisbursement ? 0 : charge.vatRate, { nonNullable: true }),
  });
}

/** "Record a supplier invoice" on a job: the header and which of its cost lines it settles. */
@Component({
  selector: 'app-supplier-invoice-dialog',
  imports: [
    DecimalLanguageInput,
    LocalPercentPipe,
    FORM_DIALOG_IMPORTS,
    ControlError,
    DateField,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './supplier-invoice-dialog.html',
  styleUrls: ['../../../../shared/sales/form-dialog.scss', './supplier-invoice-dialog.scss'],
})
export class SupplierInvoiceDialog {
  protected readonly data = inject<SupplierInvoiceDialogData>(MAT_DIALOG_DATA);
  protected readonly lang = inject(LanguageService).active;
  private readonly api = inject(SupplierInvoicesApi);
  protected readonly currencies = CURRENCIES;
  protected readonly vatRates = VAT_CHOICES;
  protected readonly base = BASE_CURRENCY;

  protected readonly form = new FormGroup({
    supplierName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    supplierTaxId: new FormControl('', { nonNullable: true, validators: Validators.maxLength(50) }),
    supplierNumber: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    invoiceDate: new FormControl(todayIso(), { nonNullable: true, validators: Validators.required }),
    dueDate: new FormControl('', { nonNullable: true }),
    currency: new FormControl(this.data.lines[0]?.currency ?? BASE_CURRENCY, { nonNullable: true }),
    exchangeRate: rateControl(
      decimalInput(this.data.lines[0]?.exchangeRate ?? '1', this.lang(), { trimZeros: true }),
    ),
    paid: new FormControl(false, { nonNullable: true }),
    lines: new FormArray(this.data.lines.map((charge) => lineGroup(charge, this.lang()))),
  });
  protected readonly submitter = new DialogSubmit<SupplierInvoice>(this.form);

  protected submit(): void {
    if (this.noneSelected) return;
    const v = this.form.getRawValue();
    const lines = v.lines.flatMap((l, i) => {
      const charge = this.data.lines[i];
      return l.picked && charge
        ? [{ jobChargeId: charge.id, amount: normalizeDecimal(l.amount), vatRate: l.vatRate }]
        : [];
    });
    this.submitter.run(() =>
      this.api.create({
        supplierName: v.supplierName.trim(),
        supplierTaxId: textOrNull(v.supplierTaxId),
        supplierNumber: v.supplierNumber.trim(),
        invoiceDate: v.invoiceDate,
        dueDate: v.dueDate || null,
        currency: v.currency,
        exchangeRate: v.currency === BASE_CURRENCY ? '1' : normalizeDecimal(v.exchangeRate),
        paid: v.paid,
        lines,
      }),
    );
  }

  protected get noneSelected(): boolean {
    return !this.form.controls.lines.controls.some((l) => l.controls.picked.value);
  }
}
