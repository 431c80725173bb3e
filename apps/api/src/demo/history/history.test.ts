import {
  parseQuoteNumber,
  type Activity,
  type Dashboard,
  type JobDetail,
  type JobPage,
  type Lead,
  type QuotePage,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestDemo } from '../../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { JobOpening } from '../../jobs/domain/job-opening.js';
import { jobSeedStep } from '../../jobs/demo/jobs.demo.js';
import { JobPartsRepository } from '../../jobs/persistence/job-parts.repository.js';
import { JobsRepository } from '../../jobs/persistence/jobs.repository.js';
import { QuotesRepository } from '../../quotes/persistence/quotes.repository.js';
import { demoRepositories } from '../seed.js';
import { historySeedStep } from './history.demo.js';
import { historyPlan, historySizes } from './history-plan.js';

type Page<T> = { items: T[]; total: number };
const DAY_MS = 86_400_000;

describe('the demo history plan', () => {
  it('is the same on every run and differs between commercials', () => {
    expect(historyPlan(0, 17)).toEqual(historyPlan(0, 17));
    expect(historyPlan(1, 17).quotes).not.toEqual(historyPlan(0, 17).quotes);
  });

  it('spreads a year of quotes in every status, oldest first, with more of them lately', () => {
    const { quotes } = historyPlan(0, 17);
    expect(quotes).toHaveLength(historySizes(0).quotes);
    expect(new Set(quotes.map((q) => q.status))).toEqual(
      new Set(['draft', 'sent', 'accepted', 'rejected', 'expired']),
    );
    const days = quotes.map((q) => q.createdInDays);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(Math.min(...days)).toBeGreaterThanOrEqual(-360);
    expect(Math.max(...days)).toBeLessThanOrEqual(0);
    const lastQuarter = days.filter((d) => d > -90).length;
    expect(lastQuarter).toBeGreaterThan(quotes.length / 4);
    // Decided quotes are answered before today, drafts were never sent.
    for (const q of quotes.filter((x) => x.status === 'accepted' || x.status === 'rejected')) {
      expect(q.createdInDays + 1 + q.answeredAfterDays).toBeLessThan(0);
    }
  });

  it('converts leads into history clients and plans reminders only ahead', () => {
    const { leads, clients, activities } = historyPlan(1, 17);
    const converted = leads.filter((l) => l.status === 'converted');
    expect(converted.length).toBe(5);
    for (const lead of converted) {
      expect(clients.map((c) => c.key)).toContain(lead.convertedTo?.client);
      expect(lead.createdInDays).toBeLessThan(lead.convertedTo?.inDays ?? 0);
    }
    expect(new Set(leads.map((l) => l.status)).size).toBe(7);
    const reminded = activities.filter((a) => a.reminderHoursBefore !== null);
    expect(reminded.length).toBeGreaterThan(0);
    expect(reminded.every((a) => a.dueInDays > 0 && a.status === 'scheduled')).toBe(true);
  });
});

describe.each(DATABASES)('the demo history on %s', (target) => {
  let sales: SalesApi;
  const now = new Date();
  beforeAll(async () => {
    sales = await startSalesApi(target);
    const result = await seedTestDemo(sales, {
      now,
      steps: (get) => [
        historySeedStep(demoRepositories(get), get(QuotesRepository)),
        jobSeedStep(get(JobOpening), get(JobsRepository), get(JobPartsRepository)),
      ],
    });
    expect(result.counts).toMatchObject({
      quotes: historySizes(0).quotes + historySizes(1).quotes,
      leads: 9 + historySizes(0).leads + historySizes(1).leads,
    });
  }, 120_000);
  afterAll(() => sales?.close());

  it('gives commercial1 a year of accepted revenue, each quote numbered on its own day', async () => {
    const to = now.toISOString().slice(0, 10);
    const from = new Date(now.getTime() - 364 * DAY_MS).toISOString().slice(0, 10);
    const dashboard = (await sales.as.commercial1.get<Dashboard>(`/api/dashboard?from=${from}&to=${to}`))
      .body;
    const months = dashboard.sales?.monthly ?? [];
    expect(months.filter((m) => m.accepted > 0).length).toBeGreaterThanOrEqual(9);
    expect(
      dashboard.sales?.quotesByStatus
        .filter((s) => s.count > 0)
        .map((s) => s.status)
        .sort(),
    ).toEqual(['accepted', 'draft', 'expired', 'rejected', 'sent']);

    const quotes: QuotePage['items'] = [];
    for (let page = 1; page <= 2; page++) {
      quotes.push(
        ...(await sales.as.commercial1.get<QuotePage>(`/api/quotes?pageSize=100&page=${page}`)).body.items,
      );
    }
    expect(quotes).toHaveLength(historySizes(0).quotes);
    expect(quotes.every((q) => q.assignedTo.includes(sales.as.commercial1.sub))).toBe(true);
    const byYear = new Map<number, number[]>();
    for (const q of quotes) {
      const { year, sequence } = parseQuoteNumber(q.number) ?? { year: 0, sequence: 0 };
      const tunisDay = new Date(q.createdAt).toLocaleDateString('sv', { timeZone: 'Africa/Tunis' });
      expect(year).toBe(Number(tunisDay.slice(0, 4)));
      byYear.set(year, [...(byYear.get(year) ?? []), sequence]);
    }
    // Gapless from 1 in each year, in the order the quotes were made.
    for (const sequences of byYear.values()) {
      expect([...sequences].sort((a, b) => a - b)).toEqual(sequences.map((_, i) => i + 1));
    }
    const chronological = [...quotes].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number),
    );
    expect(chronological.map((q) => q.number)).toEqual(
      [...quotes].sort((a, b) => a.number.localeCompare(b.number)).map((q) => q.number),
    );
  });

  it('keeps each commercial to their own history, with reminders ahead and converted leads', async () => {
    const mine = (await sales.as.commercial2.get<Page<Lead>>('/api/leads?pageSize=100')).body;
    expect(mine.total).toBe(4 + historySizes(1).leads);
    expect(mine.items.every((l) => l.assignedTo.includes(sales.as.commercial2.sub))).toBe(true);
    expect(mine.items.filter((l) => l.status === 'converted').length).toBeGreaterThanOrEqual(5);
    const ahead = (
      await sales.as.commercial2.get<Page<Activity>>('/api/activities?pageSize=100')
    ).body.items.filter((a) => a.reminderAt !== null && a.reminderAt !== undefined);
    expect(ahead.length).toBeGreaterThan(0);
    expect(ahead.every((a) => (a.reminderAt ?? '') > now.toISOString())).toBe(true);
  });

  // The operations cockpit showed 72 open jobs: every accepted quote of the year, never moved on.
  it('closes the jobs of quotes accepted over a month ago, delivered within two weeks; recent ones stay open', async () => {
    const jobs = (await sales.as.ops1.get<JobPage>('/api/jobs?pageSize=100&sort=number:asc')).body;
    const quotes = (await sales.as.commercial1.get<QuotePage>('/api/quotes?pageSize=100&status=accepted'))
      .body;
    const monthAgo = now.getTime() - 30 * DAY_MS;
    const decidedOf = new Map(quotes.items.map((q) => [q.id, q.decidedAt]));
    const mine = jobs.items.filter((j) => decidedOf.has(j.quoteId));
    expect(mine.length).toBe(quotes.total);
    for (const job of mine) {
      const decided = Date.parse(decidedOf.get(job.quoteId) ?? '');
      expect(job.status, `${job.number} accepted ${decidedOf.get(job.quoteId)}`).toBe(
        decided < monthAgo ? 'closed' : 'open',
      );
    }
    const closed = mine.find((j) => j.status === 'closed');
    const detail = (await sales.as.ops1.get<JobDetail>(`/api/jobs/${closed?.id}`)).body;
    expect(detail.milestones.map((m) => m.kind)).toEqual(['booked', 'departed', 'arrived', 'delivered']);
    expect(detail.ata).not.toBeNull();
  });
});
