import { createHash } from 'node:crypto';
import { jobChargeAmountTnd } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { attachments } from '../../attachments/attachments.table.js';
import type { DemoSeedContext, DemoSeedStep } from '../../demo/seed.js';
import { businessToday } from '../../common/business-day.js';
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
    chargeTypeCode: string;
    description: string;
    quantity: string;
    unitPrice: string;
    currency: string;
    rate: string;
  }[];
  set: Record<string, string | null>;
  /** Estimated departure and arrival, in days from the seeding day. */
  estimates?: { etd: number; eta: number };
  /** A status past the milestones: closed (after delivery) or cancelled (with its reason). */
  finally?: { status: 'closed' } | { status: 'cancelled'; cancelReason: string };
  /** Small files kept on the job (see DEMO_FILES). */
  files?: readonly (keyof typeof DEMO_FILES)[];
}

const SEA_CONTAINERS = [
  { number: 'CSQU3054383', sizeType: '45G1', sealNumber: 'CMA-884120', grossKg: '18250' },
  { number: 'MSKU9070323', sizeType: '45G1', sealNumber: 'CMA-884121', grossKg: '17920' },
];
const SEA_FREIGHT = {
  chargeTypeCode: 'OFR',
  description: 'Fret CMA CGM (facture reçue)',
  quantity: '2',
  unitPrice: '1480',
  currency: 'EUR',
  rate: '3.35',
};
const ROAD_FREIGHT = {
  chargeTypeCode: 'RFR',
  description: 'Transport routier (facture TML)',
  quantity: '1',
  unitPrice: '2150',
  currency: 'EUR',
  rate: '3.35',
};
const SEA_ALL = [
  { kind: 'booked', inDays: -40, place: 'Radès' },
  { kind: 'cargo_received', inDays: -38, place: 'Radès' },
  { kind: 'departed', inDays: -36, place: 'Radès' },
  { kind: 'arrived', inDays: -33, place: 'Marseille Fos' },
  { kind: 'customs_cleared', inDays: -32, place: 'Marseille Fos' },
  { kind: 'delivered', inDays: -31, place: 'Marseille' },
];

/**
 * The smallest files each type is recognised by (attachments are checked by their content): a
 * one-page PDF and a 1 × 1 PNG. Demo content, not documents of a real shipment.
 */
const DEMO_FILES = {
  booking: {
    kind: 'booking_confirmation',
    fileName: 'Confirmation de réservation CMA CGM.pdf',
    contentType: 'application/pdf',
    content: Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  },
  photo: {
    kind: 'photo',
    fileName: 'Empotage conteneur.png',
    contentType: 'image/png',
    content: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  },
} as const;

// One plan per accepted demo quote (quotes/demo/demo-quotes-*.json), by the quote's demo key, so
// the demo has a job in every status: commercial1's Radès → Marseille FCL exports are open, booked,
// at sea and closed; commercial2's road jobs to Milan are arrived, delivered and cancelled.
const PLANS: Readonly<Record<string, DemoJobPlan>> = {
  'sotupa-marseille': {
    milestones: SEA_ALL.slice(0, 3).map((m, i) => ({ ...m, inDays: -6 + 2 * i })),
    containers: SEA_CONTAINERS,
    costs: [SEA_FREIGHT],
    set: { mblNumber: 'CMDU-RDS-558120', hblNumber: 'VEL-HBL-26-0001', vesselImo: '9074729' },
    estimates: { etd: -2, eta: 3 },
    files: ['booking', 'photo'],
  },
  'sotupa-marseille-next': {
    milestones: [],
    containers: [],
    costs: [],
    set: {},
    estimates: { etd: 5, eta: 9 },
  },
  'sotupa-marseille-booked': {
    milestones: [{ kind: 'booked', inDays: -1, place: 'Radès' }],
    containers: [],
    costs: [],
    set: { bookingNumber: 'BKG-RDS-2611' },
    estimates: { etd: 2, eta: 6 },
    files: ['booking'],
  },
  'sotupa-marseille-closed': {
    milestones: SEA_ALL,
    containers: [SEA_CONTAINERS[0]!],
    costs: [{ ...SEA_FREIGHT, quantity: '1' }],
    set: { mblNumber: 'CMDU-RDS-551877', hblNumber: 'VEL-HBL-26-0000', vesselImo: '9074729' },
    finally: { status: 'closed' },
  },
  'carthage-milano': {
    milestones: [
      { kind: 'booked', inDays: -12, place: 'Sfax' },
      { kind: 'cargo_received', inDays: -10, place: 'Sfax' },
      { kind: 'departed', inDays: -9, place: 'Sfax' },
      { kind: 'arrived', inDays: -6, place: 'Milano' },
      { kind: 'customs_cleared', inDays: -5, place: 'Milano' },
      { kind: 'delivered', inDays: -4, place: 'Milano Fiera' },
    ],
    containers: [],
    costs: [ROAD_FREIGHT],
    set: { cmrNumber: 'CMR-TN-2026-0412' },
  },
  'carthage-milano-arrived': {
    milestones: [
      { kind: 'booked', inDays: -5, place: 'Sfax' },
      { kind: 'departed', inDays: -3, place: 'Sfax' },
      { kind: 'arrived', inDays: 0, place: 'Milano' },
    ],
    containers: [],
    costs: [ROAD_FREIGHT],
    set: { cmrNumber: 'CMR-TN-2026-0431' },
    files: ['photo'],
  },
  'carthage-milano-cancelled': {
    milestones: [],
    containers: [],
    costs: [],
    set: {},
    finally: { status: 'cancelled', cancelReason: 'Salon reporté par l’organisateur' },
  },
};

/** A job whose quote was accepted longer ago than this was delivered and closed since. */
const PAST_AFTER_DAYS = 30;

/**
 * The plan of a job the demo's year of history accepted long ago: shipped within two weeks of the
 * acceptance, delivered and closed, so the operations lists and cockpit hold this month's work
 * rather than a year of jobs left open. A recent acceptance has no plan: its job stays open.
 */
function pastPlan(decidedAt: Date | null, now: Date): DemoJobPlan | undefined {
  if (!decidedAt) return undefined;
  const sinceDays = Math.floor((now.getTime() - decidedAt.getTime()) / DAY_MS);
  if (sinceDays <= PAST_AFTER_DAYS) return undefined;
  const step = (kind: string, afterDays: number) => ({ kind, inDays: afterDays - sinceDays, place: '' });
  return {
    milestones: [step('booked', 2), step('departed', 5), step('arrived', 10), step('delivered', 12)],
    containers: [],
    costs: [],
    set: {},
    finally: { status: 'closed' },
  };
}

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
  const accepted = await ctx.tx.select().from(quotes).where(eq(quotes.status, 'accepted'));
  const mine = accepted.filter((q) => q.assignedTo.includes(ctx.commercial.sub));
  const planOf = new Map(Object.entries(PLANS).map(([key, plan]) => [ctx.id('quote', key), plan]));
  let made = 0;
  for (const quote of mine) {
    const { row, created } = await opening.openForQuote(ctx.tx, ctx.actor, quote, ctx.id('job', quote.id));
    if (!created) continue;
    // The demo's featured jobs are counted; the long-closed ones of the history are not.
    const featured = planOf.get(quote.id);
    const plan = featured ?? pastPlan(quote.decidedAt, ctx.now);
    if (!plan) continue;
    if (featured) made++;
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
          place: m.place || null,
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
        chargeTypeCode: c.chargeTypeCode,
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
    for (const file of plan.files ?? []) {
      const { content, ...meta } = DEMO_FILES[file];
      await ctx.tx.insert(attachments).values({
        ...meta,
        ownerType: 'job',
        ownerId: row.id,
        content,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        createdBy: by,
      });
    }
    const derived = deriveFromMilestones(milestones);
    const dayIn = (days: number) => businessToday(new Date(ctx.now.getTime() + days * DAY_MS));
    const estimates = plan.estimates && { etd: dayIn(plan.estimates.etd), eta: dayIn(plan.estimates.eta) };
    const moved = await jobs.updateLocked(
      ctx.tx,
      ctx.actor,
      row,
      { ...plan.set, ...estimates, ...derived },
      'update',
    );
    if (plan.finally)
      await jobs.updateLocked(
        ctx.tx,
        ctx.actor,
        moved,
        plan.finally,
        plan.finally.status === 'closed' ? 'close' : 'cancel',
      );
  }
  return { jobs: made };
}
