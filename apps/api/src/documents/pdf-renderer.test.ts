import { OverloadedException } from '../common/problem-exception.js';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { documentFormat, printable } from './document-format.js';
import { COMPANY, headerRule, letterhead, letterheadFooter } from './letterhead.js';
import { DOCUMENT_PAGE, DOCUMENT_STYLES, printableStrings, renderPdf } from './pdf-renderer.js';

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('document renderer', () => {
  it('prints any document on the letterhead, with the issuer and the number in the footer', async () => {
    const pdf = await renderPdf({
      ...DOCUMENT_PAGE,
      content: [letterhead(), headerRule(), { text: printable('Radès → Marseille ✓'), style: 'section' }],
      footer: letterheadFooter('F2026-00001', (current, count) => `Page ${current}/${count}`),
      styles: DOCUMENT_STYLES,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of [
      COMPANY.name,
      COMPANY.fiscalId,
      'F2026-00001',
      'Page 1/1',
      'Radès → Marseille ✓',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders one document at a time and refuses (503) beyond a queue of 16', async () => {
    const page = { ...DOCUMENT_PAGE, content: [letterhead()], styles: DOCUMENT_STYLES };
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => renderPdf(page)));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.length - refused.length).toBe(17);
    for (const o of refused) expect(o.reason).toBeInstanceOf(OverloadedException);
    // The queue drains: the next document renders.
    expect((await renderPdf(page)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes French thousands with the space Roboto has, deep inside a data tree; arrows stay', () => {
    expect(printableStrings({ a: ['x → y'], b: { c: '1\u202f000' }, n: 3 })).toEqual({
      a: ['x → y'],
      b: { c: '1\u00a0000' },
      n: 3,
    });
  });

  it('writes dates and amounts in the document language', () => {
    expect(documentFormat('fr').date('2026-02-04')).toBe('04/02/2026');
    expect(documentFormat('en').date('2026-02-04T23:30:00Z')).toBe('4 Feb 2026');
    expect(documentFormat('fr').money('1234.5')).toBe('1\u00a0234,500');
  });
});
