import type {
  ActivityStatus,
  ActivityType,
  LeadSource,
  LeadStatus,
  OpportunityStage,
} from '@velosi/contracts';
import {
  ACTIVITY_SUBJECTS,
  COMPANY_STEMS,
  FIRST_NAMES,
  FOREIGN_CITIES,
  LAST_NAMES,
  LEGAL_FORMS,
  LOSS_REASONS,
  SECTORS,
  TN_CITIES,
} from './history-names.js';

// A year of a commercial's past, planned as plain data (who, what, how many days ago) so it can
// be checked without a database: clients won over the months (some converted from leads), leads
// in every status, opportunities won and lost, quotes in every status with more of them lately,
// and activities done, overdue, due today and ahead with reminders. The same commercial position
// always gives the same plan; dates are offsets from the seeding day, so the history always ends
// "today". history.demo.ts writes it through the repositories.

export type HistoryQuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';

export interface HistoryClient {
  key: string;
  createdInDays: number;
  name: string;
  legalName: string;
  city: string;
  country: string;
  currency: 'TND' | 'EUR';
  language: 'fr' | 'en';
  industry: string;
  paymentTermsDays: number;
  contact: { firstName: string; lastName: string; email: string };
}

export interface HistoryLead {
  key: string;
  createdInDays: number;
  company: string;
  fullName: string;
  email: string;
  industry: string;
  source: LeadSource;
  status: LeadStatus;
  transportNeed: string;
  estimatedValueTnd: string;
  followUpInDays: number | null;
  /** Converted leads: the history client they became, converted the day it was created. */
  convertedTo: { client: string; inDays: number } | null;
}

export interface HistoryOpportunity {
  key: string;
  client: string;
  createdInDays: number;
  title: string;
  stage: OpportunityStage;
  valueTnd: string;
  transportType: string;
  closeInDays: number;
  reason: string | null;
}

export interface HistoryQuote {
  key: string;
  client: string;
  /** Index into the templates (the demo quotes' bodies) the writer is given. */
  template: number;
  /** Prices of the template times this (two decimals), so amounts differ from quote to quote. */
  priceFactor: string;
  createdInDays: number;
  status: HistoryQuoteStatus;
  /** Days between sending (the day after creation) and the customer's answer. */
  answeredAfterDays: number;
  reason: string | null;
}

export interface HistoryActivity {
  key: string;
  link: { client: string } | { lead: string };
  type: ActivityType;
  subject: string;
  status: ActivityStatus;
  dueInDays: number;
  /** Hours before the due time a reminder is set for (open activities ahead only). */
  reminderHoursBefore: number | null;
}

export interface HistoryPlan {
  clients: HistoryClient[];
  leads: HistoryLead[];
  opportunities: HistoryOpportunity[];
  quotes: HistoryQuote[];
  activities: HistoryActivity[];
}

/** Sizes per commercial; the second commercial has a slightly smaller year. */
export function historySizes(index: number) {
  return {
    clients: 14 - index,
    leads: 44 - 4 * index,
    opportunities: 24 - 2 * index,
    quotes: 90 - 8 * index,
  };
}

const YEAR_DAYS = 360;

/** mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function historyPlan(index: number, templateCount: number): HistoryPlan {
  const random = generator(2026 + 7919 * index);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Ages lean towards recent days: the business grew over the year.
  const age = (max = YEAR_DAYS) => Math.floor(max * random() ** 1.4);
  const sizes = historySizes(index);
  const stems = COMPANY_STEMS.slice(index * 6).concat(COMPANY_STEMS.slice(0, index * 6));

  const clients = Array.from({ length: sizes.clients }, (_, i): HistoryClient => {
    const sector = SECTORS[(i + index) % SECTORS.length] ?? SECTORS[0];
    const foreign = i % 5 === 4 ? FOREIGN_CITIES[(i + index) % FOREIGN_CITIES.length] : undefined;
    const name = `${stems[i % stems.length] ?? 'Velo'} ${sector.word}${i >= stems.length ? ' II' : ''}`;
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    return {
      key: `h${index}-client-${i}`,
      createdInDays: -(20 + age(YEAR_DAYS - 20)),
      name,
      legalName: `${name} ${pick(LEGAL_FORMS)}`,
      city: foreign?.city ?? pick(TN_CITIES),
      country: foreign?.country ?? 'TN',
      currency: foreign ? 'EUR' : 'TND',
      language: foreign?.language ?? 'fr',
      industry: sector.industry,
      paymentTermsDays: pick([30, 45, 60]),
      contact: { firstName, lastName, email: `${firstName}.${lastName}@${slug(name)}.example`.toLowerCase() },
    };
  });

  const leadStatuses: LeadStatus[] = ['new', 'contacted', 'qualified', 'nurturing', 'unqualified', 'lost'];
  const sources: LeadSource[] = ['website', 'referral', 'cold_call', 'trade_show', 'linkedin', 'partner'];
  const converted = clients.slice(0, 5);
  const leads = Array.from({ length: sizes.leads }, (_, i): HistoryLead => {
    const sector = pick(SECTORS);
    const into = converted[i];
    const status: LeadStatus = into ? 'converted' : (leadStatuses[i % leadStatuses.length] ?? 'new');
    const open =
      status === 'new' || status === 'contacted' || status === 'qualified' || status === 'nurturing';
    const company = into?.name ?? `${pick(COMPANY_STEMS)} ${sector.word} ${pick(TN_CITIES)}`;
    const fullName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    return {
      key: `h${index}-lead-${i}`,
      createdInDays: into ? into.createdInDays - int(10, 40) : -age(),
      company,
      fullName,
      email: `contact@${slug(company)}.example`,
      industry: sector.industry,
      source: pick(sources),
      status,
      transportNeed: sector.mode.startsWith('road')
        ? 'road'
        : sector.mode === 'air_express'
          ? 'air'
          : sector.mode,
      estimatedValueTnd: String(int(8, 160) * 1000),
      followUpInDays: open ? int(-4, 14) : null,
      convertedTo: into ? { client: into.key, inDays: into.createdInDays } : null,
    };
  });

  const openStages: OpportunityStage[] = [
    'prospecting',
    'qualification',
    'needs_analysis',
    'proposal',
    'negotiation',
  ];
  const opportunities = Array.from({ length: sizes.opportunities }, (_, i): HistoryOpportunity => {
    const client = clients[i % clients.length] as HistoryClient;
    const sector = SECTORS.find((s) => s.industry === client.industry) ?? SECTORS[0];
    const createdInDays = Math.min(-5, client.createdInDays + int(5, 60));
    const stage: OpportunityStage =
      i % 3 === 0 ? 'closed_won' : i % 5 === 1 ? 'closed_lost' : pick(openStages);
    const closed = stage === 'closed_won' || stage === 'closed_lost';
    return {
      key: `h${index}-opportunity-${i}`,
      client: client.key,
      createdInDays,
      title: `${client.name} — flux ${sector.word.toLowerCase()} ${i + 1}`,
      stage,
      valueTnd: String(int(6, 120) * 1000),
      transportType: sector.mode,
      closeInDays: closed ? Math.min(-1, createdInDays + int(10, 50)) : int(5, 90),
      reason: stage === 'closed_won' ? 'Offre retenue' : stage === 'closed_lost' ? pick(LOSS_REASONS) : null,
    };
  });

  const quotes = Array.from({ length: sizes.quotes }, (_, i): HistoryQuote => {
    const client = clients[int(0, clients.length - 1)] as HistoryClient;
    const days = Math.min(age(), -client.createdInDays - 1);
    const status = quoteStatus(days, random());
    return {
      key: `h${index}-quote-${i}`,
      client: client.key,
      template: int(0, templateCount - 1),
      priceFactor: (0.85 + int(0, 7) * 0.05).toFixed(2),
      createdInDays: -days,
      status,
      answeredAfterDays: Math.max(0, Math.min(int(2, 12), days - 2)),
      reason: status === 'rejected' ? pick(LOSS_REASONS) : null,
    };
  });

  // Chronological, so each year's quote numbers follow the days the quotes were made.
  quotes.sort((a, b) => a.createdInDays - b.createdInDays);
  return { clients, leads, opportunities, quotes, activities: activitiesFor(index, clients, leads, int) };
}

/** Old quotes are decided; recent ones are still drafts or waiting for an answer. */
function quoteStatus(ageDays: number, r: number): HistoryQuoteStatus {
  if (ageDays < 3) return r < 0.5 ? 'draft' : 'sent';
  if (ageDays <= 15) return r < 0.3 ? 'draft' : r < 0.8 ? 'sent' : 'accepted';
  if (ageDays <= 40) return r < 0.45 ? 'accepted' : r < 0.6 ? 'rejected' : 'sent';
  return r < 0.48 ? 'accepted' : r < 0.72 ? 'rejected' : 'expired';
}

function activitiesFor(
  index: number,
  clients: HistoryClient[],
  leads: HistoryLead[],
  int: (min: number, max: number) => number,
): HistoryActivity[] {
  const types = Object.keys(ACTIVITY_SUBJECTS) as (keyof typeof ACTIVITY_SUBJECTS)[];
  // Done over the year, then three overdue, two due today and eight ahead with a reminder.
  const plan: { status: ActivityStatus; due: () => number; reminder: boolean }[] = [
    ...Array.from({ length: 24 }, () => ({
      status: 'completed' as const,
      due: () => -int(1, 330),
      reminder: false,
    })),
    ...Array.from({ length: 3 }, () => ({
      status: 'scheduled' as const,
      due: () => -int(1, 5),
      reminder: false,
    })),
    ...Array.from({ length: 2 }, () => ({
      status: 'scheduled' as const,
      due: () => int(1, 5) / 24,
      reminder: false,
    })),
    ...Array.from({ length: 8 }, () => ({
      status: 'scheduled' as const,
      due: () => int(1, 21),
      reminder: true,
    })),
  ];
  return plan.map(({ status, due, reminder }, i) => {
    const type = types[i % types.length] ?? 'call';
    const client = clients[i % clients.length];
    const lead = leads[(i * 3) % leads.length];
    return {
      key: `h${index}-activity-${i}`,
      link: i % 3 === 2 && lead ? { lead: lead.key } : { client: client?.key ?? '' },
      type,
      subject: ACTIVITY_SUBJECTS[type],
      status,
      dueInDays: due(),
      reminderHoursBefore: reminder ? 2 : null,
    };
  });
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
