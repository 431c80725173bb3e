import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const I18N = resolve(__dirname, '../../../../public/i18n');

const read = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Record<string, unknown>;

// The invoice header chip (invoices scope) and the settlement chip (payments scope) show the same
// status side by side on one page: they must use the same words.
describe('an invoice payment status reads the same in both scopes', () => {
  it.each(['fr', 'en'])('%s', (lang) => {
    const invoices = read(`invoices/${lang}.json`)['paymentStatus'];
    const payments = read(`payments/${lang}.json`)['invoiceStatus'];
    expect(payments).toEqual(invoices);
  });
});
