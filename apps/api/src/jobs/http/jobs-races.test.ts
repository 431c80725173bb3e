import type { JobDetail, QuoteSendResult } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, sentQuote } from '../../../test/support/records/quotes.js';
import { secondInstance, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { jobs } from '../persistence/jobs.table.js';

// Two API processes on one PostgreSQL database (replicas in production): the staff accept on one,
// the customer's link and the manual "open the job" on the other, and job numbers drawn on both.
// PostgreSQL only: an embedded PGlite database belongs to one process (jobs.test.ts races on one).
describe.runIf(process.env.DATABASE_URL)('job races between two API instances', () => {
  let a: SalesApi;
  let b: SalesApi;
  let clientId: string;
  const db = () => a.api.app.get<symbol, DatabaseHandle>(DATABASE).db;

  beforeAll(async () => {
    a = await startSalesApi('postgres', { DATABASE_POOL_SIZE: '6' });
    b = await secondInstance(a, { DATABASE_POOL_SIZE: '6' });
    clientId = (await createClient(a.as.commercial1, 'Course Maritime SARL')).id;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('staff accept, link accept and POST /quotes/:id/job on two instances: one job per quote', async () => {
    for (let round = 0; round < 4; round++) {
      const { quote, token } = await sentQuote(a.as.commercial1, clientId);
      const answers = await Promise.all([
        a.as.commercial1.post(`/api/quotes/${quote.id}/accept`, { version: quote.version, transport: {} }),
        fetch(`${b.api.url}/api/public/quotes/${token}/accept`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
        b.as.ops1.post<JobDetail>(`/api/quotes/${quote.id}/job`),
      ]);
      expect([answers[0].status, answers[1].status].sort().join()).toBe('200,409');
      expect(await db().select({ id: jobs.id }).from(jobs).where(eq(jobs.quoteId, quote.id))).toHaveLength(1);
    }
  });

  it('job numbers drawn on both instances at once are unique and gapless', async () => {
    const sent = await Promise.all(Array.from({ length: 8 }, () => sentQuote(a.as.commercial1, clientId)));
    const answers = await Promise.all(
      sent.map(({ quote }, i) =>
        (i % 2 ? b : a).as.commercial1.post<QuoteSendResult>(`/api/quotes/${quote.id}/accept`, {
          version: quote.version,
          transport: {},
        }),
      ),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const sequences = (await db().select({ sequence: jobs.sequence }).from(jobs).where(eq(jobs.prefix, 'SE')))
      .map((j) => j.sequence)
      .sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
  });
});
