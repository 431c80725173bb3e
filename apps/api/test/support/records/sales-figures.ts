import type { Quote, QuoteLineInput, TransportMode } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { activities } from '../../../src/activities/activities.table.js';
import { clients } from '../../../src/clients/clients.table.js';
import { businessToday } from '../../../src/common/business-day.js';
import { DATABASE, type DatabaseHandle } from '../../../src/database/database.types.js';
import { leads } from '../../../src/leads/leads.table.js';
import { quotes } from '../../../src/quotes/persistence/quotes.table.js';
import { createClient, createContact, createQuote, quoteBody } from './quotes.js';
import type { SalesApi, UserClient } from '../sales.js';

/**
 * A small, hand-countable sales history in March 2026 (plus one quote decided in February) for
 * commercial1, and one large accepted quote for commercial2 that must never show in commercial1's
 * figures. Dates the workflow stamps with "now" are moved to the story's dates in SQL.
 */
export const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/** One TND line: sell and buy per unit, VAT 19 %, no débours — margin = sell − buy. */
function line(sell: string, buy: string): QuoteLineInput {
  return {
    kind: 'freight',
    description: 'Fret',
    quantity: '1',
    unit: 'shipment',
    buyUnitPrice: buy,
    sellUnitPrice: sell,
    currency: 'TND',
    vatRate: 19,
    isDisbursement: false,
  };
}

/** Customs duties advanced for the client (débours): re-billed at cost, no VAT, not turnover. */
function disbursement(amount: string): QuoteLineInput {
  return {
    ...line(amount, amount),
    kind: 'additional_cost',
    description: 'Droits de douane',
    vatRate: 0,
    isDisbursement: true,
  };
}

interface Story {
  created: string;
  /** A débours line besides the freight, which the turnover figures must leave out. */
  disbursement?: string;
  sent?: string;
  decided?: string;
  outcome?: 'accepted' | { rejected: string };
  validUntil?: string;
}

export interface SeededFigures {
  clientA: string;
  clientB: string;
  otherClient: string;
  quotes: Record<string, Quote>;
}

const at = (day: string) => new Date(`${day}T10:00:00Z`);

export async function seedSalesFigures(sales: SalesApi): Promise<SeededFigures> {
  const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const c1 = sales.as.commercial1;
  const c2 = sales.as.commercial2;
  const withContact = async (user: UserClient, name: string) => {
    const client = await createClient(user, name);
    await createContact(user, client.id, {
      lastName: 'Achats',
      emails: ['achats@example.tn'],
      isPrimary: true,
    });
    return client.id;
  };
  const clientA = await withContact(c1, 'Alpha Textiles');
  const clientB = await withContact(c1, 'Beta Agro');
  const otherClient = await withContact(c2, 'Gamma Concurrent');
  await db
    .update(clients)
    .set({ createdAt: at('2026-03-02') })
    .where(eq(clients.id, clientA));
  await db
    .update(clients)
    .set({ createdAt: at('2026-03-02') })
    .where(eq(clients.id, clientB));

  const story = async (
    user: UserClient,
    clientId: string,
    title: string,
    mode: TransportMode,
    [sell, buy]: [string, string],
    s: Story,
  ) => {
    const quote = await createQuote(
      user,
      quoteBody(clientId, {
        title,
        mode,
        currency: 'TND',
        exchangeRate: undefined,
        items: [line(sell, buy), ...(s.disbursement ? [disbursement(s.disbursement)] : [])],
      }),
    );
    if (s.sent) expect((await user.post(`/api/quotes/${quote.id}/send`, { version: 1 })).status).toBe(200);
    if (s.outcome === 'accepted') {
      expect((await user.post(`/api/quotes/${quote.id}/accept`, { version: 2, transport: {} })).status).toBe(
        200,
      );
    } else if (s.outcome) {
      const body = { version: 2, reason: s.outcome.rejected };
      expect((await user.post(`/api/quotes/${quote.id}/reject`, body)).status).toBe(200);
    }
    await db
      .update(quotes)
      .set({
        createdAt: at(s.created),
        sentAt: s.sent ? at(s.sent) : null,
        decidedAt: s.decided ? at(s.decided) : null,
        ...(s.validUntil ? { validUntil: s.validUntil } : {}),
      })
      .where(eq(quotes.id, quote.id));
    return quote;
  };

  const inThreeDays = businessToday(new Date(Date.now() + 3 * 86_400_000));
  const seeded = {
    q1: await story(c1, clientA, 'Q1 accepted', 'sea_fcl', ['1000', '800'], {
      created: '2026-03-02',
      disbursement: '300',
      sent: '2026-03-05',
      decided: '2026-03-10',
      outcome: 'accepted',
    }),
    q2: await story(c1, clientA, 'Q2 accepted', 'air', ['500', '450'], {
      created: '2026-03-03',
      sent: '2026-03-06',
      decided: '2026-03-20',
      outcome: 'accepted',
    }),
    q3: await story(c1, clientB, 'Q3 accepted in February', 'sea_fcl', ['2000', '1500'], {
      created: '2026-02-01',
      sent: '2026-02-03',
      decided: '2026-02-15',
      outcome: 'accepted',
    }),
    q4: await story(c1, clientB, 'Q4 rejected', 'road_ftl', ['300', '200'], {
      created: '2026-03-04',
      sent: '2026-03-09',
      decided: '2026-03-25',
      outcome: { rejected: 'Prix trop élevé' },
    }),
    q5: await story(c1, clientB, 'Q5 draft', 'sea_lcl', ['100', '90'], { created: '2026-03-06' }),
    q6: await story(c1, clientB, 'Q6 sent, expiring', 'air', ['700', '600'], {
      created: '2026-03-07',
      sent: '2026-03-08',
      validUntil: inThreeDays,
    }),
    q7: await story(c2, otherClient, 'Q7 commercial2', 'sea_fcl', ['9999', '1'], {
      created: '2026-03-05',
      sent: '2026-03-06',
      decided: '2026-03-12',
      outcome: 'accepted',
    }),
  };

  // Leads: two created in March by commercial1, one of them converted in March; one of commercial2.
  const lead = async (user: UserClient, fullName: string) =>
    (await user.post<{ id: string }>('/api/leads', { fullName })).body.id;
  const l1 = await lead(c1, 'Lead un');
  const l2 = await lead(c1, 'Lead deux');
  const l3 = await lead(c2, 'Lead autre');
  for (const id of [l1, l2, l3])
    await db
      .update(leads)
      .set({ createdAt: at('2026-03-03') })
      .where(eq(leads.id, id));
  await db
    .update(leads)
    .set({ convertedAt: at('2026-03-15') })
    .where(eq(leads.id, l1));

  // Activities of commercial1: one done in March, one overdue (yesterday), one due today.
  const today = businessToday();
  const activity = async (subject: string, dueAt: string) => {
    const res = await c1.post<{ id: string }>('/api/activities', {
      type: 'call',
      subject,
      dueAt,
      clientId: clientA,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const done = await activity('Appel fait', '2026-03-08T09:00:00Z');
  await db
    .update(activities)
    .set({ status: 'completed', doneAt: at('2026-03-08') })
    .where(eq(activities.id, done));
  await activity('En retard', new Date(Date.parse(`${today}T00:00:00Z`) - 36 * 3_600_000).toISOString());
  await activity("Aujourd'hui", `${today}T11:00:00Z`);
  return { clientA, clientB, otherClient, quotes: seeded };
}
