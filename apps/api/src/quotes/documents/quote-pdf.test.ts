import type { DocumentLanguage } from '@velosi/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import {
  MULTI_CURRENCY_PRIVATE_FIGURES,
  multiCurrencyQuote,
} from '../../../test/support/records/quote-fixtures.js';
import { pdfmakeLoaded } from '../../documents/pdf-worker.js';
import { toPublicQuote } from '../domain/public-quote.js';
import type { QuoteDocument } from './quote-document.js';
import { renderQuotePdf } from './quote-pdf.js';

function documentFor(language: DocumentLanguage): QuoteDocument {
  return {
    // The full staff record goes in, as the API does: the public view must strip the buy side.
    quote: toPublicQuote(multiCurrencyQuote(), { name: 'Textiles du Sahel SA', language }),
    issuedOn: '2026-01-20',
    customer: {
      address: '12 rue de Sousse',
      city: 'Monastir',
      country: 'TN',
      fiscalId: '7654321B/B/M/000',
      vatSuspension: null,
    },
    contact: { name: 'Amel Ben Salah', email: 'amel@textiles-sahel.tn', phone: '+216 73 000 000' },
  };
}

/** The PDF's text, pages merged; French narrow no-break spaces read as plain spaces. */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(proxy, { mergePages: true });
  return { text: text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' '), pages: totalPages };
}

describe('quote PDF', () => {
  it('prints the quote in French with the hand-checked figures and no buy side', async () => {
    const pdf = await renderQuotePdf(documentFor('fr'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: printed, pages } = await pdfText(pdf);
    // The freight line now wraps after its arrow (DejaVu's "→" is wider than the "»" it used to
    // print as) and the totals, kept whole, go to page 2: compare on single spaces.
    expect(pages).toBe(2);
    const text = printed.replace(/\s+/g, ' ');

    for (const expected of [
      'VELOSI',
      'COTATION',
      'Q2026-00042',
      '20/01/2026', // date
      '04/02/2026', // validity
      'Textiles du Sahel SA',
      'Monastir, TN',
      'Amel Ben Salah',
      'Maritime complet (FCL)',
      // Places and carrier by name, the code in brackets (docs/rules.md, reference data).
      'Radès (TNRDS) — Zone industrielle', // the address wraps onto the next line
      'Marseille (FRMRS)',
      'Transporteur',
      'CMA CGM',
      'FOB Radès',
      '4 jours',
      '18 450,5 kg',
      '2 × 40HC',
      'Fret',
      'Frais annexes',
      // Roboto has no "→": it prints from the fallback font, as typed (it once printed as "»").
      'Export textile Radès → Marseille',
      'Fret maritime Radès → Marseille, 40HC',

      '2 conteneurs', // the unit after its quantity, plural in the language ("1 document" below)
      '1 document',
      '1 850,00 EUR', // sell unit price in the line currency, its significant decimals (at least 2)
      '12 395,000', // its TND total
      '350,000 TND',
      'Droits et taxes de douane (débours)',
      'Total HT',
      '13 140,000 TND',
      'TVA 19 % (700,000)',
      '133,000 TND',
      'TVA 7 % (45,000)',
      '3,150 TND',
      'Débours (hors TVA)',
      '1 234,567 TND',
      'Timbre fiscal',
      '1,000 TND',
      'Total TTC (TND)',
      '14 511,717 TND',
      'Total TTC (EUR)',
      '4 331,856 EUR',
      '1 EUR = 3,35 TND',
      '30 jours fin de mois',
      'Sous réserve de disponibilité des espaces.',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const secret of [...MULTI_CURRENCY_PRIVATE_FIGURES.fr, 'Marge', 'MSC', 'sub-commercial1']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('prints in English for an English-speaking client', async () => {
    const { text } = await pdfText(await renderQuotePdf(documentFor('en')));
    for (const expected of [
      'QUOTATION',
      'Freight',
      'Additional costs',
      '14,511.717 TND',
      '4,331.856 EUR',
      '2 containers',
      '1 shipment',
      '20 Jan 2026',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const secret of MULTI_CURRENCY_PRIVATE_FIGURES.en) expect(text, secret).not.toContain(secret);
  });

  it("prints the client's tax id, and the VAT-suspension mention only while the authorisation runs", async () => {
    const doc = documentFor('fr');
    doc.customer.vatSuspension = { number: 'AUT-2025-0417', issuedOn: '2025-02-01', expiresOn: '2026-01-31' };
    // The mention may wrap in the customer column: compare on single spaces.
    const flat = async (d: QuoteDocument) =>
      (await pdfText(await renderQuotePdf(d))).text.replace(/\s+/g, ' ');
    const text = await flat(doc);
    expect(text).toContain('Matricule fiscal : 7654321B/B/M/000');
    expect(text).toContain(
      'Vente en suspension de TVA, autorisation n° AUT-2025-0417 du 01/02/2025 au 31/01/2026',
    );
    doc.customer.vatSuspension = { number: 'AUT-2024-0001', issuedOn: '2024-01-01', expiresOn: '2025-12-31' };
    expect(await flat(doc)).not.toContain('suspension');
    const en = documentFor('en');
    en.customer.vatSuspension = { number: 'AUT-9', issuedOn: '2026-01-01', expiresOn: '2026-12-31' };
    expect(await flat(en)).toContain(
      'Sale under VAT suspension, authorisation No. AUT-9 from 1 Jan 2026 to 31 Dec 2026',
    );
  });

  it('repeats the table header when many lines run over several pages', async () => {
    const doc = documentFor('fr');
    const line = doc.quote.items[1];
    if (!line) throw new Error('fixture has no line 2');
    doc.quote.items = Array.from({ length: 80 }, (_, position) => ({
      ...line,
      position,
      description: `Frais ${position + 1}`,
    }));
    const { text, pages } = await pdfText(await renderQuotePdf(doc));
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/Désignation/g)?.length).toBe(pages);
    expect(text).toContain('Frais 80');
    expect(text).toContain(`Page ${pages} / ${pages}`);
  });

  it('keeps the closing (totals, validity, terms) together: no page ends the quote with one sentence', async () => {
    const doc = documentFor('fr');
    const line = doc.quote.items[1];
    if (!line) throw new Error('fixture has no line 2');
    doc.quote.paymentTerms = 'Virement à 30 jours fin de mois.';
    // Every length from "fits on page 1" to "the lines fill page 1": each page break position.
    for (let count = 18; count <= 40; count += 2) {
      doc.quote.items = Array.from({ length: count }, (_, position) => ({
        ...line,
        position,
        description: `Frais ${position + 1}`,
      }));
      const proxy = await getDocumentProxy(new Uint8Array(await renderQuotePdf(doc)));
      const { text } = await extractText(proxy, { mergePages: false });
      const closingPage = text.find((page) => page.includes('Offre valable'));
      expect(closingPage, `${count} lines`).toBeDefined();
      expect(closingPage, `${count} lines`).toContain('Total TTC');
      expect(closingPage, `${count} lines`).toContain('Virement à 30 jours');
    }
  });

  it('never lets a document read a local file or fetch a URL', async () => {
    // User texts are plain strings, so they cannot become image nodes; the access policies set by
    // the PDF worker sets (documents/pdf-worker.ts) are the second lock, checked on its instance.
    await renderQuotePdf(documentFor('fr'));
    const pdfmake = pdfmakeLoaded();
    const local = pdfmake.createPdf({ content: [{ image: '/etc/hostname' }] }).getBuffer();
    await expect(local).rejects.toThrow(/denied by resource access policy/);
    const remote = pdfmake.createPdf({ content: [{ image: 'https://example.com/x.png' }] }).getBuffer();
    await expect(remote).rejects.toThrow(/access policy|denied/i);
  });
});
