import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client, Quote } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows, tunisMinute } from '../../../test/support/records/csv.js';
import { createClient, createQuote, quoteBody, sentQuote } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

describe.each(DATABASES)('quotes CSV export on %s', (target) => {
  let sales: SalesApi;
  let client: Client;
  let sent: Quote;
  let draft: Quote;
  // No SMTP here: the send goes to a throwaway outbox (the dev default), removed afterwards.
  const outbox = mkdtempSync(path.join(tmpdir(), 'velosi-quotes-csv-outbox-'));

  beforeAll(async () => {
    sales = await startSalesApi(target, { MAIL_OUTBOX_DIR: outbox });
    client = await createClient(sales.as.commercial1, 'Export CSV Cotations SARL', { language: 'fr' });
    ({ quote: sent } = await sentQuote(sales.as.commercial1, client.id));
    draft = await createQuote(
      sales.as.commercial1,
      quoteBody(client.id, { mode: 'air', direction: 'import', containers: [] }),
    );
  });
  afterAll(async () => {
    await sales?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  // Headers and words of each export language (the SPA's quotes list words, csv-words.ts).
  it.each([
    {
      lang: 'fr',
      number: 'Numéro',
      sentAt: 'Envoyé le',
      createdAt: 'Créé le',
      sent: { Statut: 'Envoyée', Mode: 'Maritime FCL', Trafic: 'Export' },
      draft: { Statut: 'Brouillon', Mode: 'Aérien', Trafic: 'Import', 'Envoyé le': '' },
    },
    {
      lang: 'en',
      number: 'Number',
      sentAt: 'Sent at',
      createdAt: 'Created at',
      sent: { Status: 'Sent', Mode: 'Sea FCL', Traffic: 'Export' },
      draft: { Status: 'Draft', Mode: 'Air', Traffic: 'Import', 'Sent at': '' },
    },
  ])('writes statuses, modes and traffic in words and instants in Tunis time ($lang)', async (t) => {
    const rows = await exportRows(
      sales.as.commercial1,
      `/api/quotes/export.csv?clientId=${client.id}&lang=${t.lang}`,
    );
    const rowOf = (quote: Quote) => rows.find((row) => row[t.number] === quote.number);
    expect(rowOf(sent)).toMatchObject({
      ...t.sent,
      [t.sentAt]: tunisMinute(sent.sentAt ?? ''),
      [t.createdAt]: tunisMinute(sent.createdAt),
    });
    expect(rowOf(draft)).toMatchObject(t.draft);
  });

  it('writes amounts with the language’s decimal mark (French Excel reads 4347,300 as a number)', async () => {
    const total = sent.totals.totalTnd;
    expect(total).toMatch(/^\d+\.\d{3}$/);
    const fr = await exportRows(sales.as.commercial1, `/api/quotes/export.csv?clientId=${client.id}&lang=fr`);
    expect(fr.find((row) => row['Numéro'] === sent.number)?.['Total TTC (TND)']).toBe(
      total.replace('.', ','),
    );
    const en = await exportRows(sales.as.commercial1, `/api/quotes/export.csv?clientId=${client.id}&lang=en`);
    expect(en.find((row) => row['Number'] === sent.number)?.['Total incl. VAT (TND)']).toBe(total);
  });
});
