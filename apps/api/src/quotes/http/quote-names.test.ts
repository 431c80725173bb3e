import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client, PublicQuote, Quote, QuotePage, QuoteSendResult } from '@velosi/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createContact,
  createQuote,
  fetchAs,
  publicJson,
  quoteBody,
} from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

interface Page<T> {
  items: T[];
}

/**
 * Pages, the PDF and the public link name places and carriers ("Radès (TNRDS)", "CMA CGM"), read
 * with the quote from the reference tables the start-up loader fills (docs/rules.md, reference data).
 */
describe.each(DATABASES)('quote place and carrier names on %s', (target) => {
  let sales: SalesApi;
  let client: Client;
  let cmaCgm: string;
  const outbox = mkdtempSync(path.join(tmpdir(), 'velosi-names-outbox-'));

  beforeAll(async () => {
    sales = await startSalesApi(target, { MAIL_OUTBOX_DIR: outbox });
    client = await createClient(sales.as.commercial1, 'Textiles du Sahel SA', { language: 'fr' });
    await createContact(sales.as.commercial1, client.id, {
      lastName: 'Ben Salah',
      emails: ['amel@textiles-sahel.tn'],
      isPrimary: true,
    });
    const lines =
      await sales.as.commercial1.get<Page<{ code: string; name: string }>>('/api/shipping-lines?q=CMA');
    cmaCgm = lines.body.items.find((l) => l.name === 'CMA CGM')?.code ?? '';
    expect(cmaCgm).toMatch(/^ARM-\d{3}$/);
  });
  afterAll(async () => {
    await sales?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  const named = () =>
    quoteBody(client.id, {
      origin: { locationCode: 'TNRDS', address: 'Zone industrielle Ben Arous' },
      destination: { locationCode: 'FRFOS' },
      carrierCode: cmaCgm,
      containers: [{ type: '45G1', count: 2 }],
    });

  it('reads the names of the origin, the destination and the carrier (create, get, list)', async () => {
    const quote = await createQuote(sales.as.commercial1, named());
    const names = {
      carrierCode: cmaCgm,
      originName: 'Radès',
      destinationName: 'Fos-sur-Mer',
      carrierName: 'CMA CGM',
      containers: [{ type: '45G1', count: 2 }],
    };
    expect(quote).toMatchObject(names);
    expect((await sales.as.commercial1.get<Quote>(`/api/quotes/${quote.id}`)).body).toMatchObject(names);
    const page = await sales.as.commercial1.get<QuotePage>(`/api/quotes?q=${quote.number}`);
    expect(page.body.items).toEqual([expect.objectContaining(names)]);
  });

  it('leaves the names null for an address-only route, no carrier or a code not listed', async () => {
    const quote = await createQuote(
      sales.as.commercial1,
      quoteBody(client.id, {
        origin: { address: 'Usine de Monastir' },
        destination: { locationCode: 'FRZZZ' },
      }),
    );
    expect(quote).toMatchObject({ originName: null, destinationName: null, carrierName: null });
  });

  it('prints the names in the PDF and shows them on the public link', async () => {
    const quote = await createQuote(sales.as.commercial1, named());
    const res = await fetchAs(sales, 'commercial1', `/api/quotes/${quote.id}/pdf`);
    expect(res.status).toBe(200);
    const pdf = new Uint8Array(await res.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const flat = text.replace(/[\u00a0\u202f\s]+/g, ' ');
    for (const expected of [
      'Radès (TNRDS) — Zone industrielle Ben Arous',
      'Fos-sur-Mer (FRFOS)',
      'CMA CGM',
      '2 × 45G1',
    ]) {
      expect(flat, expected).toContain(expected);
    }

    const sent = await sales.as.commercial1.post<QuoteSendResult>(`/api/quotes/${quote.id}/send`, {
      version: 1,
    });
    expect(sent.status).toBe(200);
    const token = sent.body.publicUrl.split('/q/')[1] ?? '';
    const view = await publicJson<PublicQuote>(sales, `/api/public/quotes/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      originName: 'Radès',
      destinationName: 'Fos-sur-Mer',
      carrierName: 'CMA CGM',
    });
  });
});
