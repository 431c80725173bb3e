import type { Invoice } from '@velosi/contracts';

import { formatLocalDate } from '../../../shared/ui/local-date.pipe';

/** Transloco's `t` as the template hands it over: a key and its `{{placeholders}}`. */
type Translate = (key: string, params: Record<string, string>) => string;

/**
 * The invoice's VAT-suspension mention, its certificate's dates in the UI language like every
 * other date of the page (the invoice PDF writes them the same way), not as stored ISO days.
 */
export function vatSuspensionNote(
  translate: Translate,
  suspension: NonNullable<Invoice['vatSuspension']>,
  lang: string,
): string {
  return translate('invoices.detail.vatSuspension', {
    number: suspension.number,
    issuedOn: formatLocalDate(suspension.issuedOn, lang),
    expiresOn: formatLocalDate(suspension.expiresOn, lang),
  });
}
