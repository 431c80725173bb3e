import { addDaysToIsoDate, type AuditAction, type QuoteCreate } from '@velosi/contracts';
import { businessToday } from '../../common/business-day.js';
import type { DemoSeedContext, DemoSeedStep } from '../../demo/seed.js';
import { insertDraft } from '../domain/quotes.service.js';
import type { InsertOptions, QuotesRepository } from '../persistence/quotes.repository.js';
import type { QuoteRow } from '../persistence/quotes.table.js';
import { demoQuoteBody, demoQuotes, type DemoQuote } from './quotes.demo-data.js';

const DAY_MS = 86_400_000;

/**
 * Demo seed step (registered in demo/demo-steps.ts): the quotes of `ctx.commercial`, created like
 * a user would — validated by the contract, priced and numbered by the same code as the API —
 * then moved to their demo status with the same audited updates as the workflow actions.
 */
export function quoteSeedStep(repository: QuotesRepository): DemoSeedStep {
  return (ctx) => seedDemoQuotes(repository, ctx);
}

async function seedDemoQuotes(
  repository: QuotesRepository,
  ctx: DemoSeedContext,
): Promise<{ quotes: number }> {
  const today = businessToday(ctx.now);
  const quotes = demoQuotes(ctx.index);
  for (const demo of quotes) {
    const links =
      'client' in demo.parent
        ? { clientId: ctx.id('client', demo.parent.client), contactId: ctx.id('contact', demo.parent.client) }
        : { leadId: ctx.id('lead', demo.parent.lead) };
    const validUntil = addDaysToIsoDate(today, demo.validInDays);
    const body = demoQuoteBody(
      demo,
      { ...links, opportunityId: ctx.id('opportunity', demo.opportunity) },
      validUntil,
    );
    const row = await insertDemoDraft(repository, ctx, demo.key, { ...body, validUntil });
    // Sent a few days before today (or before the validity ended, for expired and rejected ones).
    const sentAt = new Date(ctx.now.getTime() - (Math.max(0, -demo.validInDays) + 3) * DAY_MS);
    await moveDemoQuote(ctx, repository, row, demo, sentAt, new Date(sentAt.getTime() + DAY_MS));
  }
  return { quotes: quotes.length };
}

/**
 * A demo draft of `ctx.commercial` with the demo id of `key`, priced and numbered by the API's
 * code (numbered on `backdated.numberedOn` for the demo history's past quotes).
 */
export function insertDemoDraft(
  repository: QuotesRepository,
  ctx: DemoSeedContext,
  key: string,
  body: QuoteCreate & { validUntil: string },
  backdated?: InsertOptions['backdated'],
): Promise<QuoteRow> {
  const options = { id: ctx.id('quote', key), backdated };
  return insertDraft(repository, ctx.tx, ctx.actor, { ...body, assignedTo: [ctx.commercial.sub] }, options);
}

/** What the status moves of a demo quote need (the demo quotes and the demo history). */
export type DemoQuoteOutcome = Pick<DemoQuote, 'status' | 'reason' | 'transport' | 'customerReference'>;

/**
 * Moves a freshly created demo draft to its demo status with the same audited updates as the
 * workflow actions: sent at `sentAt`, then accepted or rejected at `decidedAt`, or expired.
 */
export async function moveDemoQuote(
  ctx: DemoSeedContext,
  records: QuotesRepository,
  row: QuoteRow,
  demo: DemoQuoteOutcome,
  sentAt: Date,
  decidedAt: Date,
): Promise<void> {
  if (demo.status === 'draft') return;
  let version = row.version;
  const step = async (set: Record<string, unknown>, action: AuditAction) => {
    version = (
      await records.update(ctx.tx, ctx.actor, row.id, version, set, { action, scope: ctx.actor.scope })
    ).version;
  };
  await step({ status: 'sent', sentAt }, 'send');
  if (demo.status === 'accepted') {
    await step(
      {
        status: 'accepted',
        decidedAt,
        transport: demo.transport ?? null,
        customerReference: demo.customerReference ?? null,
      },
      'accept',
    );
  } else if (demo.status === 'rejected') {
    await step({ status: 'rejected', decidedAt, statusReason: demo.reason ?? null }, 'reject');
  } else if (demo.status === 'expired') {
    await step({ status: 'expired' }, 'expire');
  }
}
