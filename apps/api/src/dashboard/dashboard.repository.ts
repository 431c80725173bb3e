import { Inject, Injectable } from '@nestjs/common';
import {
  FINISHED_JOB_STATUSES,
  OPEN_ACTIVITY_STATUSES,
  OPEN_STAGES,
  addDaysToIsoDate,
  type ExpiringQuote,
  type JobStatus,
  type ModeSplit,
  type OpportunityStage,
  type QuoteStatus,
  type SalesPeriod,
  type TopClient,
  type TransportMode,
} from '@velosi/contracts';
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  notInArray,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { activityRecords } from '../activities/activities.records.js';
import { activities } from '../activities/activities.table.js';
import type { AuthUser } from '../auth/auth-user.js';
import { clients } from '../clients/clients.table.js';
import { BUSINESS_TIME_ZONE } from '../common/business-day.js';
import type { Visibility } from '../common/records/visibility.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { jobRecords } from '../jobs/persistence/jobs.records.js';
import { jobs } from '../jobs/persistence/jobs.table.js';
import { opportunityRecords } from '../opportunities/opportunities.records.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { quoteRecords } from '../quotes/persistence/quotes.records.js';
import { effectiveStatusSql } from '../quotes/persistence/quote-status.sql.js';
import { quotes } from '../quotes/persistence/quotes.table.js';
import { QUOTE_TURNOVER, inPeriod, moneySum } from '../sales-targets/sales-measures.js';
import { rateToTnd } from './exchange-to-tnd.js';

/** Whose figures: the caller's list visibility, narrowed to one commercial when given. */
export interface DashboardScope {
  user: AuthUser;
  commercialId: string | null;
}

const TOP_CLIENTS = 5;
const EXPIRING_DAYS = 7;
const EXPIRING_LISTED = 10;

/** Midnight (Tunis) starting `day`, as a timestamptz parameter expression. */
const startOf = (day: string) => sql`(${day}::date::timestamp at time zone ${BUSINESS_TIME_ZONE})`;

/**
 * The dashboard's widgets, each one aggregate query (never rows loaded to be counted in memory),
 * each with the same visibility as the list it summarises.
 */
@Injectable()
export class DashboardRepository {
  private readonly db: Database;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.db = database.db;
  }

  /** Open opportunities by stage; values in TND at the rate of `day`. */
  async pipeline(scope: DashboardScope, day: string) {
    const rate = sql`r.rate`;
    const valueTnd = sql`${opportunities.valueAmount} * ${rate}`;
    const rows = await this.db
      .select({
        stage: sql<OpportunityStage>`${opportunities.stage}`,
        count: sql<number>`count(*)::int`,
        valueTnd: moneySum(valueTnd),
        weightedTnd: moneySum(sql`${valueTnd} * ${opportunities.probability} / 100`),
        unconverted: sql<string[]>`coalesce(array_agg(distinct ${opportunities.valueCurrency}::text)
          filter (where ${opportunities.valueAmount} is not null and ${rate} is null), '{}')`,
      })
      .from(
        sql`${opportunities} cross join lateral (select ${rateToTnd(opportunities.valueCurrency, day)} as rate) as r`,
      )
      .where(this.openOpportunities(scope))
      .groupBy(opportunities.stage);
    return rows;
  }

  /** Quotes created in the period, by the status the list shows (a sent quote past validity is expired). */
  async quotesByStatus(scope: DashboardScope, period: SalesPeriod, today: string) {
    const status = effectiveStatusSql(today);
    return (
      this.db
        .select({ status: sql<QuoteStatus>`${status}`, count: sql<number>`count(*)::int` })
        .from(quotes)
        .where(and(this.quoteScope(scope), inPeriod(quotes.createdAt, period)))
        // By position: the expression carries a parameter, which PostgreSQL will not match twice.
        .groupBy(sql`1`)
    );
  }

  /** Accepted and rejected quotes decided in the period; revenue and margin of the accepted ones. */
  async decisions(scope: DashboardScope, period: SalesPeriod) {
    const accepted = sql`${quotes.status} = 'accepted'`;
    const [row] = await this.db
      .select({
        accepted: sql<number>`(count(*) filter (where ${accepted}))::int`,
        rejected: sql<number>`(count(*) filter (where ${quotes.status} = 'rejected'))::int`,
        revenueTnd: moneySum(QUOTE_TURNOVER, accepted),
        marginTnd: moneySum(sql`${quotes.marginTnd}`, accepted),
      })
      .from(quotes)
      .where(
        and(
          this.quoteScope(scope),
          inArray(quotes.status, ['accepted', 'rejected']),
          inPeriod(quotes.decidedAt, period),
        ),
      );
    return row ?? { accepted: 0, rejected: 0, revenueTnd: '0.000', marginTnd: '0.000' };
  }

  /** Accepted quotes per month of decision (Tunis time) over `period`. */
  async monthly(scope: DashboardScope, period: SalesPeriod) {
    const month = sql<string>`to_char(${quotes.decidedAt} at time zone ${BUSINESS_TIME_ZONE}, 'YYYY-MM')`;
    return this.db
      .select({
        month,
        accepted: sql<number>`count(*)::int`,
        revenueTnd: moneySum(QUOTE_TURNOVER),
        marginTnd: moneySum(sql`${quotes.marginTnd}`),
      })
      .from(quotes)
      .where(and(this.quoteScope(scope), eq(quotes.status, 'accepted'), inPeriod(quotes.decidedAt, period)))
      .groupBy(sql`1`);
  }

  async modes(scope: DashboardScope, period: SalesPeriod): Promise<ModeSplit[]> {
    const rows = await this.db
      .select({
        mode: sql<TransportMode>`${quotes.mode}`,
        accepted: sql<number>`count(*)::int`,
        revenueTnd: moneySum(QUOTE_TURNOVER),
      })
      .from(quotes)
      .where(this.acceptedIn(scope, period))
      .groupBy(quotes.mode)
      .orderBy(desc(sql`sum(${QUOTE_TURNOVER})`), asc(quotes.mode));
    return rows;
  }

  async topClients(scope: DashboardScope, period: SalesPeriod): Promise<TopClient[]> {
    const revenue = sql`sum(${QUOTE_TURNOVER})`;
    return this.db
      .select({
        clientId: sql<string>`${quotes.clientId}`,
        name: sql<string>`min(${clients.name})`,
        accepted: sql<number>`count(*)::int`,
        revenueTnd: moneySum(QUOTE_TURNOVER),
      })
      .from(quotes)
      .innerJoin(clients, eq(clients.id, quotes.clientId))
      .where(and(this.acceptedIn(scope, period), isNotNull(quotes.clientId)))
      .groupBy(quotes.clientId)
      .orderBy(desc(revenue), asc(quotes.clientId))
      .limit(TOP_CLIENTS);
  }

  /** Open activities due today (Tunis) and those whose due time has passed before today. */
  async activities(scope: DashboardScope, today: string) {
    const tomorrow = addDaysToIsoDate(today, 1);
    const [row] = await this.db
      .select({
        dueToday: sql<number>`(count(*) filter (where ${activities.dueAt} >= ${startOf(today)}))::int`,
        overdue: sql<number>`(count(*) filter (where ${activities.dueAt} < ${startOf(today)}))::int`,
      })
      .from(activities)
      .where(
        and(
          this.scoped(activityRecords.visibility, activities.assignedTo, scope),
          isNull(activities.archivedAt),
          inArray(activities.status, [...OPEN_ACTIVITY_STATUSES]),
          sql`${activities.dueAt} < ${startOf(tomorrow)}`,
        ),
      );
    return row ?? { dueToday: 0, overdue: 0 };
  }

  /** Sent quotes still valid whose validity ends within the next 7 days. */
  async expiringQuotes(
    scope: DashboardScope,
    today: string,
  ): Promise<{ count: number; items: ExpiringQuote[] }> {
    const where = and(
      this.quoteScope(scope),
      eq(quotes.status, 'sent'),
      sql`${quotes.validUntil} between ${today}::date and ${addDaysToIsoDate(today, EXPIRING_DAYS)}::date`,
    );
    const [items, [counted]] = await Promise.all([
      this.db
        .select({
          id: quotes.id,
          number: quotes.number,
          title: quotes.title,
          customerName: quotes.customerName,
          validUntil: quotes.validUntil,
          totalTnd: quotes.totalTnd,
        })
        .from(quotes)
        .where(where)
        .orderBy(asc(quotes.validUntil), asc(quotes.number))
        .limit(EXPIRING_LISTED),
      this.db
        .select({ count: sql<number>`count(*)::int` })
        .from(quotes)
        .where(where),
    ]);
    return { count: counted?.count ?? 0, items };
  }

  /** Job files not finished, by status, with the jobs list's visibility. */
  async openJobs(user: AuthUser) {
    return this.db
      .select({ status: sql<JobStatus>`${jobs.status}`, count: sql<number>`count(*)::int` })
      .from(jobs)
      .where(
        and(
          jobRecords.visibility(user, 'read'),
          isNull(jobs.archivedAt),
          notInArray(jobs.status, [...FINISHED_JOB_STATUSES]),
        ),
      )
      .groupBy(jobs.status);
  }

  private acceptedIn(scope: DashboardScope, period: SalesPeriod): SQL | undefined {
    return and(this.quoteScope(scope), eq(quotes.status, 'accepted'), inPeriod(quotes.decidedAt, period));
  }

  private openOpportunities(scope: DashboardScope): SQL | undefined {
    return and(
      this.scoped(opportunityRecords.visibility, opportunities.assignedTo, scope),
      isNull(opportunities.archivedAt),
      inArray(opportunities.stage, [...OPEN_STAGES]),
    );
  }

  private quoteScope(scope: DashboardScope): SQL | undefined {
    return and(this.scoped(quoteRecords.visibility, quotes.assignedTo, scope), isNull(quotes.archivedAt));
  }

  private scoped(visibility: Visibility, assignedTo: PgColumn, { user, commercialId }: DashboardScope) {
    return and(
      visibility(user, 'read'),
      commercialId === null ? undefined : arrayContains(assignedTo, [commercialId]),
    );
  }
}
