import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, issue, MIXED_LINES, pdfBytes } from '../../../test/support/records/invoices.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, secondInstance, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { businessToday } from '../../common/business-day.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { invoices } from '../persistence/invoices.table.js';

const YEAR = Number(businessToday().slice(0, 4));

describe.each(DATABASES)('invoice numbers on %s', (target) => {
  let sales: SalesApi;
  let other: SalesApi | undefined;
  let clientId: string;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;

  beforeAll(async () => {
    // Pools as in production (10): 500 issues queue on the counter row, not on 4 connections.
    sales = await startSalesApi(target, { DATABASE_POOL_SIZE: '10' });
    if (target === 'postgres') other = await secondInstance(sales, { DATABASE_POOL_SIZE: '10' });
    clientId = (
      await createClient(sales.as.commercial1, 'Conserverie du Cap Bon', { fiscalId: '1112223B/A/M/000' })
    ).id;
  });
  afterAll(async () => {
    await other?.close();
    await sales?.close();
  });

  it(
    'concurrent issues over every instance get distinct, gapless F numbers',
    { timeout: 600_000 },
    async () => {
      // PostgreSQL: 500 over two API instances; PGlite (one in-process instance) a smaller burst.
      const count = target === 'postgres' ? 500 : 40;
      const drafts = [];
      for (let i = 0; i < count; i += 25) {
        drafts.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(25, count - i) }, () =>
              created(sales.as.finance1.post('/api/invoices', { clientId, lines: MIXED_LINES.slice(1, 3) })),
            ),
          )),
        );
      }
      const instances = [sales, other ?? sales];
      const answers = await Promise.all(
        drafts.map((d, i) =>
          instances[i % 2]!.as.finance1.post(`/api/invoices/${d.id}/issue`, { version: d.version }),
        ),
      );
      expect(answers.filter((a) => a.status !== 200).map((a) => a.body)).toEqual([]);
      const numbers = answers.map((a) => (a.body as { number: string }).number);
      expect(new Set(numbers).size).toBe(count);
      const rows = await db()
        .select({ sequence: invoices.sequence, number: invoices.number })
        .from(invoices)
        .where(and(eq(invoices.kind, 'invoice'), eq(invoices.year, YEAR)))
        .orderBy(asc(invoices.sequence));
      expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(rows.map((r) => r.number)).toEqual(
        rows.map((r) => `F${YEAR}-${String(r.sequence).padStart(5, '0')}`),
      );
      // Whether the burst stored a PDF or left it to the first read, every one reads back the same.
      const sample = drafts[count - 1]!.id;
      const bytes = await pdfBytes(sales.as.finance1, sample);
      expect((await pdfBytes(instances[1]!.as.finance1, sample)).equals(bytes)).toBe(true);
    },
  );

  it.runIf(target === 'postgres')(
    'the stored PDF is the same bytes from another instance and after a restart',
    async () => {
      const draft = await created(sales.as.finance1.post('/api/invoices', { clientId, lines: MIXED_LINES }));
      const issued = await issue(sales.as.finance1, draft);
      const first = await pdfBytes(sales.as.finance1, issued.id);
      expect((await pdfBytes(other!.as.admin, issued.id)).equals(first)).toBe(true);
      // A fresh API process on the same database (what a restart or a redeploy gives).
      const restarted = await secondInstance(sales);
      try {
        expect((await pdfBytes(restarted.as.finance1, issued.id)).equals(first)).toBe(true);
      } finally {
        await restarted.close();
      }
    },
  );
});
