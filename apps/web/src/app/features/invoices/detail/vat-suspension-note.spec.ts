import { describe, expect, it } from 'vitest';
import en from '../../../../../public/i18n/invoices/en.json';
import fr from '../../../../../public/i18n/invoices/fr.json';
import { vatSuspensionNote } from './vat-suspension-note';

type Json = { [key: string]: string | Json };

/** Transloco's answer for an `invoices.` key: its words with `{{name}}` placeholders filled. */
const translatorOf = (file: Json) => (key: string, params: Record<string, string>) => {
  let node: string | Json | undefined = file;
  for (const part of key.split('.').slice(1)) node = typeof node === 'object' ? node[part] : undefined;
  const words = typeof node === 'string' ? node : key;
  return words.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? '');
};

const suspension = { number: 'AUT-SUSP-2026-0088', issuedOn: '2026-10-28', expiresOn: '2027-10-28' };
const day = (lang: string, iso: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));

describe('vatSuspensionNote: the certificate cited on the invoice', () => {
  it('writes its dates in French, not as ISO days', () => {
    const note = vatSuspensionNote(translatorOf(fr), suspension, 'fr');
    expect(note).toContain(`attestation n° AUT-SUSP-2026-0088 du ${day('fr', '2026-10-28')}`);
    expect(note).toContain(`jusqu’au ${day('fr', '2027-10-28')}`);
    expect(note).toContain('28 oct. 2026');
    expect(note).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('writes its dates in English, not as ISO days', () => {
    const note = vatSuspensionNote(translatorOf(en), suspension, 'en');
    expect(note).toContain('certificate no. AUT-SUSP-2026-0088 of 28 Oct 2026, valid until 28 Oct 2027.');
    expect(note).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
