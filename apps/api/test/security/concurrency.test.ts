import { parseQuoteNumber, type Quote, type QuoteSendResult } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createQuote, quoteBody } from '../support/records/quotes.js';
import { secondInstance, startSalesApi, type SalesApi, type UserClient } from '../support/sales.js';
import { tally } from './support/tally.js';

// Two API processes on one PostgreSQL database, as replicas run in production, racing on what must
// happen once: an edit of one version, a lead's conversion, a quote's acceptance (staff on one
// instance, the customer's link on the other), and quote numbers. Each race is run ROUNDS times.
// PostgreSQL only: an embedded PGlite database belongs to one process.
const ROUNDS = 12;
const race = tally('two instances');

describe.runIf(process.env.DATABASE_URL)('races between two API instances on one database', () => {
  let a: SalesApi;
  let b: SalesApi;
  let clientId: string;

  beforeAll(async () => {
    a = await startSalesApi('postgres', { DATABASE_POOL_SIZE: '8' });
    b = await secondInstance(a, { DATABASE_POOL_SIZE: '8' });
    clientId = (await createClient(a.as.commercial1, 'Course SARL')).id;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const statuses = (answers: { status: number }[]) => answers.map((x) => x.status).sort((x, y) => x - y);

  it('one version, two edits: exactly one wins, the other answers 409', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const current = await a.as.commercial1.get<{ version: number }>(`/api/clients/${clientId}`);
      const version = current.body.version;
      const answers = await Promise.all(
        [a, b].map((api, i) =>
          api.as.commercial1.patch(`/api/clients/${clientId}`, { version, city: `Ville ${round}-${i}` }),
        ),
      );
      race.check(statuses(answers).join() === '200,409', `edit round ${round}: ${statuses(answers).join()}`);
      const after = await b.as.commercial1.get<{ version: number }>(`/api/clients/${clientId}`);
      race.check(after.body.version === version + 1, `edit round ${round}: version ${after.body.version}`);
    }
    race.assertAllPassed();
  });

  it('one lead converted from both instances: one client, one conversion', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const company = `Conversion ${round} SARL`;
      const lead = await a.as.commercial1.post<{ id: string }>('/api/leads', {
        fullName: `Prospect ${round}`,
        company,
        source: 'website',
      });
      expect(lead.status).toBe(201);
      const answers = await Promise.all(
        [a, b].map((api) => api.as.commercial1.post(`/api/leads/${lead.body.id}/convert`, { version: 1 })),
      );
      race.check(
        statuses(answers).join() === '200,409',
        `convert round ${round}: ${statuses(answers).join()}`,
      );
      const clients = await b.as.admin.get<{ items: { name: string }[] }>(
        `/api/clients?q=${encodeURIComponent(company)}&pageSize=10`,
      );
      const made = clients.body.items.filter((c) => c.name === company).length;
      race.check(made === 1, `convert round ${round}: ${made} clients`);
    }
    race.assertAllPassed();
  });

  it('a quote accepted by staff on one instance and by the link on the other: accepted once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const quote = await createQuote(a.as.commercial1, quoteBody(clientId));
      const sent = await a.as.commercial1.post<QuoteSendResult>(`/api/quotes/${quote.id}/send`, {
        version: 1,
      });
      expect(sent.status).toBe(200);
      const token = sent.body.publicUrl.split('/q/')[1] ?? '';
      const staff = a.as.commercial1.post(`/api/quotes/${quote.id}/accept`, { version: 2, transport: {} });
      const link = fetch(`${b.api.url}/api/public/quotes/${token}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const answers = await Promise.all([staff, link]);
      const codes = statuses(answers).join();
      race.check(codes === '200,409', `accept round ${round}: ${codes}`);
      const final = await b.as.commercial1.get<Quote>(`/api/quotes/${quote.id}`);
      race.check(final.body.status === 'accepted' && final.body.version === 3, `accept round ${round}`);
    }
    race.assertAllPassed();
  });

  it('quote numbers made on both instances at once are unique and gapless', async () => {
    const creators: UserClient[] = [a.as.commercial1, b.as.commercial1];
    const made = await Promise.all(
      Array.from({ length: ROUNDS * 4 }, (_, i) => createQuote(creators[i % 2]!, quoteBody(clientId))),
    );
    const sequences = made.map((q) => parseQuoteNumber(q.number)?.sequence ?? -1).sort((x, y) => x - y);
    const first = sequences[0] ?? 0;
    sequences.forEach((sequence, i) => {
      race.check(sequence === first + i, `number ${i}: sequence ${sequence}, expected ${first + i}`);
    });
    race.assertAllPassed();
  });
});
