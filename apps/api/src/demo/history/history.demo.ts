import { Decimal } from 'decimal.js';
import {
  ClientCreateSchema,
  ContactCreateSchema,
  LeadCreateSchema,
  OpportunityDraftSchema,
  QuoteCreateSchema,
  STAGE_DEFAULT_PROBABILITY,
  addDaysToIsoDate,
} from '@velosi/contracts';
import { activityColumns } from '../../activities/activities.records.js';
import { businessToday } from '../../common/business-day.js';
import { leadColumns } from '../../leads/leads.records.js';
import { opportunityColumns } from '../../opportunities/opportunities.records.js';
import { insertDemoDraft, moveDemoQuote } from '../../quotes/demo/quotes.demo.js';
import { demoQuotes } from '../../quotes/demo/quotes.demo-data.js';
import type { QuotesRepository } from '../../quotes/persistence/quotes.repository.js';
import type { DemoRepositories, DemoSeedContext, DemoSeedStep } from '../seed.js';
import { historyPlan, type HistoryPlan, type HistoryQuote } from './history-plan.js';

const DAY_MS = 86_400_000;

/** The bodies the history's quotes are cut from: every demo quote of every portfolio. */
const TEMPLATES = [...demoQuotes(0), ...demoQuotes(1)].map((demo) => demo.quote);

/**
 * Demo seed step (first in demo/demo-steps.ts): a year of `ctx.commercial`'s past from
 * history-plan.ts — clients, contacts, leads, opportunities, quotes and activities with their
 * creation dates in the past, written through the same repositories (and audit) as the API.
 * Quotes are priced and numbered by the API's code, on the day they were made.
 */
export function historySeedStep(repos: DemoRepositories, quotes: QuotesRepository): DemoSeedStep {
  return async (ctx) => {
    const plan = historyPlan(ctx.index, TEMPLATES.length);
    await seedPeople(ctx, repos, plan);
    for (const quote of plan.quotes) await seedQuote(ctx, quotes, quote);
    return {
      clients: plan.clients.length,
      leads: plan.leads.length,
      opportunities: plan.opportunities.length,
      quotes: plan.quotes.length,
      activities: plan.activities.length,
    };
  };
}

const at = (ctx: DemoSeedContext, days: number) => new Date(ctx.now.getTime() + days * DAY_MS);

async function seedPeople(ctx: DemoSeedContext, repos: DemoRepositories, plan: HistoryPlan): Promise<void> {
  const { tx, actor } = ctx;
  const owned = { assignedTo: [ctx.commercial.sub], createdBy: actor.user.sub };
  for (const c of plan.clients) {
    const createdAt = at(ctx, c.createdInDays);
    const { contact, key, createdInDays: _, ...fields } = c;
    const client = ClientCreateSchema.parse({
      ...fields,
      category: c.country === 'TN' ? 'local' : 'foreign',
    });
    await repos.clients.create(tx, actor, { ...client, ...owned, id: ctx.id('client', key), createdAt });
    const person = ContactCreateSchema.parse({
      firstName: contact.firstName,
      lastName: contact.lastName,
      emails: [contact.email],
    });
    await repos.contacts.create(tx, actor, {
      ...person,
      id: ctx.id('contact', key),
      clientId: ctx.id('client', key),
      isPrimary: true,
      createdBy: actor.user.sub,
      createdAt,
    });
  }
  for (const l of plan.leads) {
    const lead = LeadCreateSchema.parse({
      fullName: l.fullName,
      company: l.company,
      email: l.email,
      industry: l.industry,
      source: l.source,
      transportNeeds: [l.transportNeed],
      estimatedAnnualValue: { amount: l.estimatedValueTnd, currency: 'TND' },
    });
    await repos.leads.create(tx, actor, {
      ...leadColumns(lead),
      ...owned,
      id: ctx.id('lead', l.key),
      status: l.status,
      nextFollowUpDate:
        l.followUpInDays === null ? null : addDaysToIsoDate(businessToday(ctx.now), l.followUpInDays),
      convertedAt: l.convertedTo && at(ctx, l.convertedTo.inDays),
      convertedClientId: l.convertedTo && ctx.id('client', l.convertedTo.client),
      createdAt: at(ctx, l.createdInDays),
    });
  }
  for (const o of plan.opportunities) {
    const closed = o.reason !== null;
    const draft = OpportunityDraftSchema.parse({
      title: o.title,
      value: { amount: o.valueTnd, currency: 'TND' },
      transportType: o.transportType,
    });
    await repos.opportunities.create(tx, actor, {
      ...opportunityColumns(draft),
      ...owned,
      id: ctx.id('opportunity', o.key),
      clientId: ctx.id('client', o.client),
      stage: o.stage,
      probability: STAGE_DEFAULT_PROBABILITY[o.stage],
      expectedCloseDate: addDaysToIsoDate(businessToday(ctx.now), o.closeInDays),
      closeReason: o.reason,
      closedAt: closed ? at(ctx, o.closeInDays) : null,
      createdAt: at(ctx, o.createdInDays),
    });
  }
  for (const a of plan.activities) {
    const dueAt = at(ctx, a.dueInDays);
    const reminderAt =
      a.reminderHoursBefore === null ? null : new Date(dueAt.getTime() - a.reminderHoursBefore * 3_600_000);
    await repos.activities.create(tx, actor, {
      ...activityColumns({
        dueAt: dueAt.toISOString(),
        doneAt: a.status === 'completed' ? dueAt.toISOString() : null,
      }),
      ...owned,
      id: ctx.id('activity', a.key),
      type: a.type,
      subject: a.subject,
      status: a.status,
      reminderAt,
      leadId: 'lead' in a.link ? ctx.id('lead', a.link.lead) : null,
      clientId: 'client' in a.link ? ctx.id('client', a.link.client) : null,
      opportunityId: null,
      createdAt: a.dueInDays < 0 ? dueAt : ctx.now,
    });
  }
}

async function seedQuote(ctx: DemoSeedContext, repository: QuotesRepository, h: HistoryQuote): Promise<void> {
  const template = TEMPLATES[h.template] ?? TEMPLATES[0] ?? {};
  const createdAt = at(ctx, h.createdInDays);
  const createdOn = businessToday(createdAt);
  const validUntil = addDaysToIsoDate(createdOn, 30);
  const body = QuoteCreateSchema.parse({
    ...template,
    items: scaledItems(template['items'], h.priceFactor),
    clientId: ctx.id('client', h.client),
    contactId: ctx.id('contact', h.client),
    validUntil,
  });
  const backdated = { createdAt, numberedOn: createdOn };
  const row = await insertDemoDraft(repository, ctx, h.key, { ...body, validUntil }, backdated);
  const sentAt = at(ctx, h.createdInDays + 1);
  const decidedAt = at(ctx, h.createdInDays + 1 + h.answeredAfterDays);
  await moveDemoQuote(
    ctx,
    repository,
    row,
    { status: h.status, reason: h.reason ?? undefined },
    sentAt,
    decidedAt,
  );
}

/** The template's lines with buy and sell prices times `factor`, rounded to the millime. */
function scaledItems(items: unknown, factor: string): unknown {
  if (!Array.isArray(items)) return items;
  const times = (price: unknown) =>
    typeof price === 'string' ? new Decimal(price).times(factor).toFixed(3, Decimal.ROUND_HALF_UP) : price;
  return items.map((item: Record<string, unknown>) => ({
    ...item,
    buyUnitPrice: times(item['buyUnitPrice']),
    sellUnitPrice: times(item['sellUnitPrice']),
  }));
}
