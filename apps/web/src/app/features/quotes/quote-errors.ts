import { AbstractControl } from '@angular/forms';

import { ErrorMessage, firstError } from '../../shared/forms/form-errors';

// Form control name → the key of its label under `quotes.fields` / `quotes.lines`.
const HEADER_LABELS: Readonly<Record<string, string>> = {
  clientId: 'client',
  leadId: 'lead',
  contactId: 'contact',
  opportunityId: 'opportunity',
};
const LINE_LABELS: Readonly<Record<string, string>> = {
  buyUnitPrice: 'buy',
  sellUnitPrice: 'sell',
  chargeTypeCode: 'chargeType',
  exchangeRate: 'rate',
  vatRate: 'vat',
};
const CONTAINER_LABELS: Readonly<Record<string, string>> = { type: 'containerType', count: 'containerCount' };

/**
 * The label of an invalid control for the error summary, as the user reads it on the form
 * ("Ligne 2 : Prix de vente"), never the control's path (`items.1.sellUnitPrice`).
 */
export function invalidFieldLabel(path: string, translate: (key: string, params?: object) => string): string {
  const [first = '', index, name = ''] = path.split('.');
  if (first === 'items' && index !== undefined) {
    const field = translate(`quotes.lines.${LINE_LABELS[name] ?? name}`);
    return translate('quotes.editor.lineField', { n: Number(index) + 1, field });
  }
  if (first === 'containers') return translate(`quotes.fields.${CONTAINER_LABELS[name] ?? 'containers'}`);
  return translate(`quotes.fields.${HEADER_LABELS[first] ?? first}`);
}

/**
 * The error message of a quote form control: the shared messages, except those whose wording is
 * specific to the quote fields (the shared `pattern` text describes usernames).
 * `patternKey` names what a pattern failure means on this field (`decimal`, `code` …).
 */
export function fieldError(
  control: AbstractControl | null | undefined,
  patternKey = 'decimal',
): ErrorMessage | null {
  const errors = control?.errors;
  if (!errors) return null;
  if (errors['required']) return { key: 'validation.required' };
  if (errors['pattern'] || errors['decimal']) return { key: `quotes.validation.${patternKey}` };
  if (errors['positive']) return { key: 'quotes.validation.positive' };
  if (errors['min']) return { key: 'quotes.validation.min', params: { min: errors['min'].min } };
  if (errors['max']) return { key: 'quotes.validation.max', params: { max: errors['max'].max } };
  if (errors['etaBeforeEtd']) return { key: 'quotes.validation.etaBeforeEtd' };
  if (errors['routePoint']) return { key: 'quotes.validation.routePoint' };
  return firstError(control);
}
