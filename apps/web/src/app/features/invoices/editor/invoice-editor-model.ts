import {
  InvoiceCreateSchema,
  InvoiceUpdateSchema,
  type Invoice,
  type InvoiceCreate,
  type InvoiceUpdate,
} from '@velosi/contracts';
import {
  computeInvoiceTotals,
  type InvoicePricingTerms,
  type InvoiceTotalsFigures,
  type UnpricedInvoiceLine,
} from '@velosi/contracts/invoice-math';
import { DEFAULT_STAMP_DUTY_TND } from '@velosi/contracts/quote-math';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { decimalInput, normalizeDecimal } from '../../../shared/forms/decimal';

/** One line as the editor's form holds it (decimals as typed, French or English). */
export type InvoiceLineValue = UnpricedInvoiceLine;

/** The editor's whole value. */
export interface InvoiceEditorValue {
  clientId: string | null;
  currency: string;
  exchangeRate: string;
  customerReference: string;
  notes: string;
  lines: InvoiceLineValue[];
}

/** What the live totals need of the client (its VAT regime and stamp duty). */
export interface InvoiceClientTerms {
  vatRegime: string;
  stampDutyExempt: boolean;
}

export function emptyLine(): InvoiceLineValue {
  return {
    chargeTypeCode: null,
    description: '',
    quantity: '1',
    unitPrice: '0',
    currency: BASE_CURRENCY,
    exchangeRate: '1',
    vatRate: 19,
    isDisbursement: false,
    jobChargeId: null,
  };
}

/**
 * The editor's value of a stored draft, decimals written the `lang` way (decimalInput): unit prices
 * keep their decimals (money), quantities and rates lose the padding zeros.
 */
export function editorValueOf(invoice: Invoice, lang: string): InvoiceEditorValue {
  const measure = { trimZeros: true };
  return {
    clientId: invoice.clientId,
    currency: invoice.currency,
    exchangeRate: decimalInput(invoice.exchangeRate, lang, measure),
    customerReference: invoice.customerReference ?? '',
    notes: invoice.notes ?? '',
    lines: invoice.lines.map((line) => ({
      chargeTypeCode: line.chargeTypeCode,
      description: line.description,
      quantity: decimalInput(line.quantity, lang, measure),
      unitPrice: decimalInput(line.unitPrice, lang),
      currency: line.currency,
      exchangeRate: decimalInput(line.exchangeRate, lang, measure),
      vatRate: line.vatRate,
      isDisbursement: line.isDisbursement,
      jobChargeId: line.jobChargeId,
    })),
  };
}

/**
 * The terms the API will price with: a stored draft keeps its own (regime and stamp duty as
 * stored), a new invoice takes the client's, with the default stamp duty.
 */
export function pricingTerms(
  value: Pick<InvoiceEditorValue, 'currency' | 'exchangeRate'>,
  draft: Pick<Invoice, 'vatRegime' | 'totals'> | null,
  client: InvoiceClientTerms | null,
): InvoicePricingTerms {
  const rate = value.currency === BASE_CURRENCY ? '1' : normalizeDecimal(value.exchangeRate);
  if (draft) {
    const stamp = draft.totals.stampDutyTnd;
    return {
      vatRegime: draft.vatRegime,
      stampDuty: /[1-9]/.test(stamp) ? stamp : false,
      currency: value.currency,
      exchangeRate: rate,
    };
  }
  return {
    vatRegime: client?.vatRegime ?? 'subject',
    stampDuty: client?.stampDutyExempt ? false : DEFAULT_STAMP_DUTY_TND,
    currency: value.currency,
    exchangeRate: rate,
  };
}

function lineInput(line: InvoiceLineValue) {
  return {
    chargeTypeCode: line.chargeTypeCode || null,
    description: line.description.trim(),
    quantity: normalizeDecimal(line.quantity),
    unitPrice: normalizeDecimal(line.unitPrice),
    currency: line.currency,
    exchangeRate: line.currency === BASE_CURRENCY ? '1' : normalizeDecimal(line.exchangeRate),
    vatRate: line.isDisbursement ? 0 : line.vatRate,
    isDisbursement: line.isDisbursement,
    jobChargeId: line.jobChargeId,
  };
}

function header(value: InvoiceEditorValue) {
  return {
    currency: value.currency,
    ...(value.currency === BASE_CURRENCY ? {} : { exchangeRate: normalizeDecimal(value.exchangeRate) }),
    customerReference: value.customerReference.trim() || null,
    notes: value.notes.trim() || null,
    lines: value.lines.map(lineInput),
  };
}

/** The request of a new invoice, validated by the contract (the API's own schema). */
export function createRequest(value: InvoiceEditorValue) {
  return InvoiceCreateSchema.safeParse({ clientId: value.clientId, ...header(value) });
}

/** The PATCH of a draft, with the version it was read at (a stale one answers 409). */
export function updateRequest(value: InvoiceEditorValue, version: number) {
  return InvoiceUpdateSchema.safeParse({ ...header(value), version });
}

export type InvoiceRequest = InvoiceCreate | InvoiceUpdate;

/**
 * Live totals with the contracts' computeInvoiceTotals, the code the API prices with; null while a
 * line holds something that is not a number yet (the figures would mean nothing).
 */
export function liveTotals(
  value: InvoiceEditorValue,
  terms: InvoicePricingTerms,
): InvoiceTotalsFigures | null {
  const lines = value.lines.map(lineInput);
  const numeric = /^\d+(\.\d+)?$/;
  const ready =
    numeric.test(terms.exchangeRate) &&
    lines.every((l) => numeric.test(l.quantity) && numeric.test(l.unitPrice) && numeric.test(l.exchangeRate));
  if (!ready) return null;
  try {
    return computeInvoiceTotals(lines, terms).totals;
  } catch {
    return null;
  }
}
