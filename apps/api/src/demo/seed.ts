import { createHash } from 'node:crypto';
import { STAGE_DEFAULT_PROBABILITY, isClosedStage } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import type { Type } from '@nestjs/common';
import { activityColumns } from '../activities/activities.records.js';
import { ActivitiesRepository } from '../activities/activities.repository.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import { clients, type ClientRow, type ContactRow } from '../clients/clients.table.js';
import { ContactsRepository } from '../clients/contacts/contacts.repository.js';
import { SYSTEM_ACTOR, type Actor } from '../common/records/actor.js';
import type { Transaction } from '../database/database.types.js';
import { leadColumns } from '../leads/leads.records.js';
import { LeadsRepository } from '../leads/leads.repository.js';
import type { LeadRow } from '../leads/leads.table.js';
import { opportunityColumns } from '../opportunities/opportunities.records.js';
import { OpportunitiesRepository } from '../opportunities/opportunities.repository.js';
import type { OpportunityRow } from '../opportunities/opportunities.table.js';
import { demoPortfolio, type DemoActivity, type DemoOpportunity, type DemoPortfolio } from './demo-data.js';

/** A demo commercial: login name and the `sub` the IdP gives them (records are assigned by sub). */
export interface DemoCommercial {
  username: string;
  sub: string;
}

/** What one commercial's seeding has created so far, by demo key: later steps link to it. */
export interface DemoSeedContext {
  tx: Transaction;
  actor: Actor;
  now: Date;
  commercial: DemoCommercial;
  /** Position of the commercial (0, 1 …): picks their portfolio. */
  index: number;
  /** Deterministic id of a demo record: `demoId(commercial.username, 'quote', 'q1')`. */
  id(kind: string, key: string): string;
  clients: Map<string, ClientRow>;
  contacts: Map<string, ContactRow>;
  leads: Map<string, LeadRow>;
  opportunities: Map<string, OpportunityRow>;
}

/** One more kind of demo record, run for every commercial after the built-in ones. */
/** A step answers how many records of each kind it created (summed into the seed's counts). */
export type DemoSeedStep = (context: DemoSeedContext) => Promise<Readonly<Record<string, number>>>;

export interface DemoSeedOptions {
  /** "Today" of the demo (dates are offsets from it). */
  now?: Date;
  /**
   * Steps after clients/contacts/leads/opportunities/activities. QUOTES: pass (or add to the
   * default list in demo.module.ts) a step that creates the quotes of `context.commercial`.
   */
  steps?: readonly DemoSeedStep[];
}

export interface DemoSeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

/**
 * The same demo id on every run: a UUID (version 8, "custom") from a hash of who and what, so a
 * second run can tell the demo is already there and other steps can find records by key.
 */
export function demoId(...parts: string[]): string {
  const h = createHash('sha256')
    .update(`velosi-demo\u0000${parts.join('\u0000')}`)
    .digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DAY_MS = 86_400_000;
const dayOffset = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
const instantOffset = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();

/**
 * Seeds the demo for `commercials` in one transaction, every row audited as `system`. Does nothing
 * when the first commercial's demo is already there (safe to run twice).
 */
export async function seedDemo(
  repos: DemoRepositories,
  commercials: readonly DemoCommercial[],
  { now = new Date(), steps = [] }: DemoSeedOptions = {},
): Promise<DemoSeedResult> {
  const { db } = repos.clients;
  const counts: Record<string, number> = { clients: 0, leads: 0, opportunities: 0, activities: 0 };
  const first = commercials[0];
  if (!first) return { seeded: false, counts };
  const marker = demoId(first.username, 'client', demoPortfolio(0).clients[0]?.key ?? '');
  if ((await db.select({ id: clients.id }).from(clients).where(eq(clients.id, marker))).length) {
    return { seeded: false, counts };
  }
  await db.transaction(async (tx) => {
    for (const [index, commercial] of commercials.entries()) {
      const context: DemoSeedContext = {
        tx,
        actor: SYSTEM_ACTOR,
        now,
        commercial,
        index,
        id: (kind, key) => demoId(commercial.username, kind, key),
        clients: new Map(),
        contacts: new Map(),
        leads: new Map(),
        opportunities: new Map(),
      };
      const portfolio = demoPortfolio(index);
      await seedPortfolio(context, portfolio, repos);
      const added: Record<string, number>[] = [
        {
          clients: portfolio.clients.length,
          leads: portfolio.leads.length,
          opportunities: portfolio.opportunities.length,
          activities: portfolio.activities.length,
        },
      ];
      for (const step of steps) added.push({ ...(await step(context)) });
      for (const [kind, n] of added.flatMap((a) => Object.entries(a))) counts[kind] = (counts[kind] ?? 0) + n;
    }
  });
  return { seeded: true, counts };
}

/** The repositories the built-in demo writes through (audited like any write). */
export interface DemoRepositories {
  clients: ClientsRepository;
  contacts: ContactsRepository;
  leads: LeadsRepository;
  opportunities: OpportunitiesRepository;
  activities: ActivitiesRepository;
}

/** The app's repository providers, e.g. `demoRepositories((type) => app.get(type))`. */
export function demoRepositories(get: <T>(type: Type<T>) => T): DemoRepositories {
  return {
    clients: get(ClientsRepository),
    contacts: get(ContactsRepository),
    leads: get(LeadsRepository),
    opportunities: get(OpportunitiesRepository),
    activities: get(ActivitiesRepository),
  };
}

async function seedPortfolio(
  ctx: DemoSeedContext,
  portfolio: DemoPortfolio,
  repos: DemoRepositories,
): Promise<void> {
  const { tx, actor, now, commercial } = ctx;
  const owned = { assignedTo: [commercial.sub], createdBy: actor.user.sub };
  for (const { key, client, contact, vatSuspension } of portfolio.clients) {
    const suspension = vatSuspension && {
      vatRegime: 'suspended',
      vatSuspensionNumber: vatSuspension.number,
      vatSuspensionIssuedOn: dayOffset(now, vatSuspension.issuedInDays),
      vatSuspensionExpiresOn: dayOffset(now, vatSuspension.expiresInDays),
    };
    const row = await repos.clients.create(tx, actor, {
      ...client,
      ...suspension,
      ...owned,
      id: ctx.id('client', key),
    });
    ctx.clients.set(key, row);
    const contactRow = await repos.contacts.create(tx, actor, {
      ...contact,
      id: ctx.id('contact', key),
      clientId: row.id,
      isPrimary: true,
      createdBy: actor.user.sub,
    });
    ctx.contacts.set(key, contactRow);
  }
  for (const { key, lead, followUpInDays } of portfolio.leads) {
    const nextFollowUpDate = followUpInDays === undefined ? null : dayOffset(now, followUpInDays);
    const row = await repos.leads.create(tx, actor, {
      ...leadColumns(lead),
      ...owned,
      id: ctx.id('lead', key),
      nextFollowUpDate,
    });
    ctx.leads.set(key, row);
  }
  for (const opportunity of portfolio.opportunities) {
    const row = await repos.opportunities.create(tx, actor, opportunityValues(ctx, opportunity, owned));
    ctx.opportunities.set(opportunity.key, row);
  }
  for (const activity of portfolio.activities) {
    await repos.activities.create(tx, actor, { ...activityValues(ctx, activity), ...owned });
  }
}

function opportunityValues(
  ctx: DemoSeedContext,
  o: DemoOpportunity,
  owned: { assignedTo: string[]; createdBy: string },
) {
  const closed = isClosedStage(o.stage);
  return {
    ...opportunityColumns(o.draft),
    ...owned,
    id: ctx.id('opportunity', o.key),
    clientId: 'client' in o.parent ? ctx.id('client', o.parent.client) : null,
    leadId: 'lead' in o.parent ? ctx.id('lead', o.parent.lead) : null,
    stage: o.stage,
    probability: STAGE_DEFAULT_PROBABILITY[o.stage],
    expectedCloseDate: dayOffset(ctx.now, o.closeInDays),
    closeReason: closed ? (o.reason ?? null) : null,
    closedAt: closed ? new Date(instantOffset(ctx.now, o.closeInDays)) : null,
  };
}

function activityValues(ctx: DemoSeedContext, a: DemoActivity) {
  const dueAt = instantOffset(ctx.now, a.dueInDays);
  return {
    ...activityColumns({ dueAt, doneAt: a.status === 'completed' ? dueAt : null }),
    id: ctx.id('activity', a.key),
    type: a.type,
    subject: a.subject,
    status: a.status,
    leadId: 'lead' in a.link ? ctx.id('lead', a.link.lead) : null,
    opportunityId: 'opportunity' in a.link ? ctx.id('opportunity', a.link.opportunity) : null,
    clientId: 'client' in a.link ? ctx.id('client', a.link.client) : null,
  };
}
