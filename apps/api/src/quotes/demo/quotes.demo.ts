import { addDaysToIsoDate } from '@velosi/contracts';
import { AuditService } from '../../audit/audit.service.js';
import { businessToday } from '../../common/business-day.js';
import type { DemoSeedContext } from '../../demo/seed.js';
import { insertDraft } from '../domain/quotes.service.js';
import { QuotesRepository, type QuoteRecords } from '../persistence/quotes.repository.js';
import type { QuoteRow } from '../persistence/quotes.table.js';
import { demoQuoteBody, demoQuotes, type DemoQuote } from './quotes.demo-data.js';

const DAY_MS = 86_400_000;

/**
 * Demo seed step (registered in demo/demo-steps.ts): the quotes of `ctx.commercial`, created like
 * a user would — validated by the contract, priced and numbered by the same code as the API —
 * then moved to their demo status with the same audited updates as the workflow actions.
 */
export async function seedDemoQuotes(ctx: DemoSeedContext): Promise<{ quotes: number }> {
  const repository = new QuotesRepository(ctx.tx, new AuditService());
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
    const row = await insertDraft(
      repository,
      ctx.tx,
      ctx.actor,
      { ...body, validUntil, assignedTo: [ctx.commercial.sub] },
      { id: ctx.id('quote', demo.key) },
    );
    await moveToStatus(ctx, repository.records, row, demo);
  }
  return { quotes: quotes.length };
}

async function moveToStatus(
  ctx: DemoSeedContext,
  records: QuoteRecords,
  row: QuoteRow,
  demo: DemoQuote,
): Promise<void> {
  if (demo.status === 'draft') return;
  // Sent a few days before today (or before the validity ended, for expired and rejected ones).
  const sentAt = new Date(ctx.now.getTime() - (Math.max(0, -demo.validInDays) + 3) * DAY_MS);
  let version = row.version;
  const step = async (set: Record<string, unknown>, action: string) => {
    version = (
      await records.update(ctx.tx, ctx.actor, row.id, version, set, { action, scope: ctx.actor.scope })
    ).version;
  };
  await step({ status: 'sent', sentAt }, 'send');
  const decidedAt = new Date(sentAt.getTime() + DAY_MS);
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
