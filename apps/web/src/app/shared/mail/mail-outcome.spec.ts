import { describe, expect, it } from 'vitest';

import invoicesEn from '../../../../public/i18n/invoices/en.json';
import invoicesFr from '../../../../public/i18n/invoices/fr.json';
import quotesEn from '../../../../public/i18n/quotes/en.json';
import quotesFr from '../../../../public/i18n/quotes/fr.json';
import receivablesEn from '../../../../public/i18n/receivables/en.json';
import receivablesFr from '../../../../public/i18n/receivables/fr.json';
import { mailOutcomeKey } from './mail-outcome';

function lookup(dictionary: object, key: string): unknown {
  let node: unknown = dictionary;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** The banner's first line and the snackbar of each send, as the pages pick them. */
const TEXTS: readonly [string, object, object, string][] = [
  ['quotes', quotesFr, quotesEn, 'send.sentTo'],
  ['quotes', quotesFr, quotesEn, 'send.done'],
  ['invoices', invoicesFr, invoicesEn, 'send.sentTo'],
  ['invoices', invoicesFr, invoicesEn, 'send.done'],
  ['receivables', receivablesFr, receivablesEn, 'remind.sentTo.one'],
  ['receivables', receivablesFr, receivablesEn, 'remind.sentTo.other'],
  ['receivables', receivablesFr, receivablesEn, 'remind.done'],
];

describe('what a send says without a mail server', () => {
  it('keeps the key of a real send and picks its twin when the outbox took the message', () => {
    expect(mailOutcomeKey('quotes.send.done', false)).toBe('quotes.send.done');
    expect(mailOutcomeKey('quotes.send.done', true)).toBe('quotes.send.doneNotMailed');
  });

  it.each(TEXTS)('%s %s: both languages have a twin that claims no e-mail left', (_, fr, en, key) => {
    const [head, ...rest] = key.split('.');
    const plural = key.endsWith('.one') || key.endsWith('.other');
    const twin = plural
      ? `${mailOutcomeKey(`${head}.${rest[0]}`, true)}.${rest[1]}`
      : mailOutcomeKey(key, true);
    const frText = lookup(fr, twin);
    const enText = lookup(en, twin);
    expect(frText).toMatch(/aucun e-mail n’est parti|Aucune relance n’est partie|non envoyée/);
    expect(enText).toMatch(/no e-mail went out|No reminder went out|not e-mailed/);
    expect(String(frText)).not.toMatch(/^(E-mail envoyé|Envoyée à|Relance envoyée)/);
  });
});
