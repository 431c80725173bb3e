import { jobChargeAmountTnd } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import type { DemoSeedContext, DemoSeedStep } from '../../demo/seed.js';
import { quotes } from '../../quotes/persistence/quotes.table.js';
import type { JobOpening } from '../domain/job-opening.js';
import { deriveFromMilestones } from '../domain/job-status.js';
import type { JobPartsRepository } from '../persistence/job-parts.repository.js';
import type { JobsRepository } from '../persistence/jobs.repository.js';

const DAY_MS = 86_400_000;

interface DemoJobPlan {
  /** Milestones already recorded, in days from the seeding day (negative = past). */
  milestones: readonly { kind: string; inDays: number; place: string }[];
  containers: readonly { number: string; sizeType: string; sealNumber: string; grossKg: string }[];
  /** Actual cost lines (supplier invoices received). */
  costs: readonly {
    description: string;
    quantity: string;
    unitPrice: string;
    currency: string;
    rate: string;
  }[];
  set: Record<string, string | null>;
}

// One plan per commercial's accepted demo quote (quotes/demo/demo-quotes-*.json): commercial1's
// Radès → Marseille FCL export is at sea; commercial2's road job to Milan is delivered.
const PLANS: readonly DemoJobPlan[] = [
  {
    milestones: [
      { kind: 'booked', inDays: -6, place: 'Radès' },
      { kind: 'cargo_received', inDays: -4, place: 'Radès' },
      { kind: 'departed', inDays: -2, place: 'Radès' },
    ],
    containers: [
      { number: 'CSQU3054383', sizeType: '45G1', sealNumber: 'CMA-884120', grossKg: '18250' },
      { number: 'MSKU9070323', sizeType: '45G1', sealNumber: 'CMA-884121', grossKg: '17920' },
    ],
    costs: [
      {
        description: 'Fret CMA CGM (facture reçue)',
        quantity: '2',
        unitPrice: '1480',
        currency: 'EUR',
        rate: '3.35',
      },
    ],
    set: { mblNumber: 'CMDU-RDS-558120', hblNumber: 'VEL-HBL-26-0001', vesselImo: '9074729' },
  },
  {
    milestones: [
      { kind: 'booked', inDays: -12, place: 'Sfax' },
      { kind: 'cargo_received', inDays: -10, place: 'Sfax' },
      { kind: 'departed', inDays: -9, place: 'Sfax' },
      { kind: 'arrived', inDays: -6, place: 'Milano' },
      { kind: 'customs_cleared', inDays: -5, place: 'Milano' },
      { kind: 'delivered', inDays: -4, place: 'Milano Fiera' },
    ],
    containers: [],
    costs: [
      {
        description: 'Transport routier (facture TML)',
        quantity: '1',
        unitPrice: '2150',
        currency: 'EUR',
        rate: '3.35',
      },
    ],
    set: { cmrNumber: 'CMR-TN-2026-0412' },
  },
];

/**
 * Demo seed step (registered in demo/demo-steps.ts, after the quotes): the job of each accepted
 * demo quote, opened by the same code as an acceptance, then moved along with containers,
 * milestones and actual costs, every write audited like the API's.
 */
export function jobSeedStep(
  opening: JobOpening,
  jobs: JobsRepository,
  parts: JobPartsRepository,
): DemoSeedStep {
  return (ctx) => seedDemoJobs(ctx, opening, jobs, parts);
}

async function seedDemoJobs(
  ctx: DemoSeedContext,
  opening: JobOpening,
  jobs: JobsRepository,
  parts: JobPartsRepository,
): Promise<{ jobs: number }> {
  const plan = PLANS[ctx.index % PLANS.length];
  const accepted = await ctx.tx.select().from(quotes).where(eq(quotes.status, 'accepted'));
  const mine = accepted.filter((q) => q.assignedTo.includes(ctx.commercial.sub));
  let made = 0;
  for (const quote of mine) {
    const { row, created } = await opening.openForQuote(ctx.tx, ctx.actor, quote, ctx.id('job', quote.id));
    if (!created || !plan) continue;
    made++;
    const by = ctx.actor.user.sub;
    for (const c of plan.containers) {
      await parts.insertContainer(ctx.tx, { ...c, jobId: row.id, createdBy: by });
    }
    const milestones = [];
    for (const m of plan.milestones) {
      const occurredAt = new Date(ctx.now.getTime() + m.inDays * DAY_MS);
      milestones.push(
        await parts.insertMilestone(ctx.tx, {
          jobId: row.id,
          kind: m.kind,
          occurredAt,
          place: m.place,
          recordedBy: by,
        }),
      );
    }
    await parts.insertCharges(
      ctx.tx,
      plan.costs.map((c) => ({
        jobId: row.id,
        side: 'cost',
        stage: 'actual',
        description: c.description,
        quantity: c.quantity,
        unitPrice: c.unitPrice,
        currency: c.currency,
        exchangeRate: c.rate,
        vatRate: 0,
        amountTnd: jobChargeAmountTnd({ quantity: c.quantity, unitPrice: c.unitPrice, exchangeRate: c.rate }),
        createdBy: by,
      })),
    );
    const derived = deriveFromMilestones(milestones);
    await jobs.updateLocked(ctx.tx, ctx.actor, row, { ...plan.set, ...derived }, 'update');
  }
  return { jobs: made };
}
