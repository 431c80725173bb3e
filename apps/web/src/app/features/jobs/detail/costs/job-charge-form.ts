import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  jobChargeAmountTnd,
  type JobCharge,
  type JobChargeCreate,
  type JobChargeSide,
  type JobChargeStage,
  type VatRate,
} from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { decimalInput, normalizeDecimal } from '../../../../shared/forms/decimal';
import { amountControl, quantityControl, rateControl } from '../../../../shared/forms/priced-line-controls';
import { textOrNull } from '../../../../shared/sales/form-problem';

/** One charge line's form; decimals typed the French or English way (`450,5`), as the quote editor. */
export function chargeForm() {
  return new FormGroup({
    side: new FormControl<JobChargeSide>('cost', { nonNullable: true }),
    stage: new FormControl<JobChargeStage>('actual', { nonNullable: true }),
    chargeTypeCode: new FormControl<string | null>(null),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
    supplierCode: new FormControl<string | null>(null),
    quantity: quantityControl(),
    unitPrice: amountControl(),
    currency: new FormControl<string>(BASE_CURRENCY, { nonNullable: true }),
    exchangeRate: rateControl(),
    vatRate: new FormControl<VatRate>(0, { nonNullable: true }),
    isDisbursement: new FormControl(false, { nonNullable: true }),
    supplierInvoiceRef: new FormControl('', { nonNullable: true, validators: Validators.maxLength(100) }),
  });
}

export type ChargeForm = ReturnType<typeof chargeForm>;

/**
 * The form's values for a recorded line, decimals written the `lang` way: the unit price keeps its
 * decimals (money), quantity and rate lose the padding zeros (decimalInput).
 */
export function chargeFormValue(charge: JobCharge, lang: string): ReturnType<ChargeForm['getRawValue']> {
  const measure = { trimZeros: true };
  return {
    side: charge.side,
    stage: charge.stage,
    chargeTypeCode: charge.chargeTypeCode ?? null,
    description: charge.description,
    supplierCode: charge.supplierCode ?? null,
    quantity: decimalInput(charge.quantity, lang, measure),
    unitPrice: decimalInput(charge.unitPrice, lang),
    currency: charge.currency,
    exchangeRate: decimalInput(charge.exchangeRate, lang, measure),
    vatRate: charge.vatRate,
    isDisbursement: charge.isDisbursement,
    supplierInvoiceRef: charge.supplierInvoiceRef ?? '',
  };
}

/** The line as the API takes it: a revenue line has no supplier, a TND line a rate of 1. */
export function chargeBody(form: ChargeForm): JobChargeCreate {
  const v = form.getRawValue();
  const cost = v.side === 'cost';
  return {
    side: v.side,
    stage: v.stage,
    chargeTypeCode: v.chargeTypeCode,
    description: v.description.trim(),
    supplierCode: cost ? v.supplierCode : null,
    quantity: normalizeDecimal(v.quantity),
    unitPrice: normalizeDecimal(v.unitPrice),
    currency: v.currency,
    exchangeRate: v.currency === BASE_CURRENCY ? '1' : normalizeDecimal(v.exchangeRate),
    vatRate: v.isDisbursement ? 0 : v.vatRate,
    isDisbursement: v.isDisbursement,
    supplierInvoiceRef: cost ? textOrNull(v.supplierInvoiceRef) : null,
  };
}

/**
 * The line's amount in TND as the API will store it (quantity × unit price × rate, to the millime),
 * while the typed figures make one; null otherwise. Shown before saving, so "1.234" read as 1,234
 * — not 1 234 — is seen before it is saved.
 */
export function chargePreviewTnd(form: ChargeForm): string | null {
  const { quantity, unitPrice, exchangeRate, currency } = form.controls;
  const foreign = currency.value !== BASE_CURRENCY;
  if (quantity.invalid || unitPrice.invalid || (foreign && exchangeRate.invalid)) return null;
  const line = chargeBody(form);
  return jobChargeAmountTnd({ ...line, exchangeRate: line.exchangeRate ?? '1' });
}
