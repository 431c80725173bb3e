import { Inject, Injectable } from '@nestjs/common';
import { addDaysToIsoDate, type LostReason, type SalesPeriod } from '@velosi/contracts';
import { and, desc, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { activityRecords } from '../activities/activities.records.js';
import { activities } from '../activities/activities.table.js';
import type { AuthUser } from '../auth/auth-user.js';
import { clientRecords } from '../clients/clients.records.js';
import { clients } from '../clients/clients.table.js';
import { BUSINESS_TIME_ZONE } from '../common/business-day.js';
import type { Visibility } from '../common/records/visibility.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { leadRecords } from '../leads/leads.records.js';
import { leads } from '../leads/leads.table.js';
import { quoteRecords } from '../quotes/persistence/quotes.records.js';
import { quotes } from '../quotes/persistence/quotes.table.js';

/** One commercial's figures over a period (every count and sum done by PostgreSQL). */
export interface CommercialMeasures {
  activitiesDone: number;
  leadsCreated: number;
  leadsConverted: number;
  newClients: number;
  quotesSent: number;
  quotesAccepted: number;
  quotesLost: number;
  revenueTnd: string;
  marginTnd: string;
}

export const NO_MEASURES: CommercialMeasures = {
  activitiesDone: 0,
  leadsCreated: 0,
  leadsConverted: 0,
  newClients: 0,
  quotesSent: 0,
  quotesAccepted: 0,
  quotesLost: 0,
  revenueTnd: '0.000',
  marginTnd: '0.000',
};

/**
 * Whose figures: `commercialIds` (undefined = everyone's), seen as `user` (their list visibility is
 * ANDed in; null = the system, for a target's own progress).
 */
export interface MeasureScope {
  user: AuthUser | null;
  commercialIds?: readonly string[] | undefined;
}

/**
 * `column` falls on one of the period's days in Tunis. Written as a range on the raw column (not
 * a cast of it) so an index on the timestamp can serve it.
 */
export function inPeriod(column: PgColumn, period: SalesPeriod): SQL {
  const end = addDaysToIsoDate(period.to, 1);
  return sql`(${column} >= (${period.from}::date::timestamp at time zone ${BUSINESS_TIME_ZONE})
    and ${column} < (${end}::date::timestamp at time zone ${BUSINESS_TIME_ZONE}))`;
}

/** `expression in (…ids)`, parameterised; an empty list matches nothing. */
export function inList(expression: SQL, ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${expression} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/**
 * A quote's turnover: what it sells before tax less the disbursements (débours) re-billed at cost
 * for the client, which are not the company's revenue (its PDF prints them apart from the total).
 */
export const QUOTE_TURNOVER = sql`(${quotes.sellTnd} - ${quotes.disbursementsTnd})`;

/** A sum of money as text with 3 decimals ("0.000" when nothing matches), of the rows matching `only`. */
export function moneySum(expression: SQL, only?: SQL): SQL<string> {
  const sum = only ? sql`sum(${expression}) filter (where ${only})` : sql`sum(${expression})`;
  return sql<string>`round(coalesce(${sum}, 0), 3)::text`;
}
const counted = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

/**
 * Per-commercial aggregates: each row counts once for every commercial in its `assigned_to`
 * (`cross join lateral unnest`), so a shared quote is in both commercials' figures.
 */
@Injectable()
export class SalesMeasures {
  private readonly db: Database;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.db = database.db;
  }

  /** Figures per commercial id; commercials with nothing in the period are absent from the map. */
  async measure(scope: MeasureScope, period: SalesPeriod): Promise<Map<string, CommercialMeasures>> {
    const [quoteRows, leadRows, clientRows, activityRows] = await Promise.all([
      this.quoteFigures(scope, period),
      this.grouped(
        leads,
        leads.assignedTo,
        leadRecords.visibility,
        scope,
        {
          leadsCreated: counted(inPeriod(leads.createdAt, period)),
          leadsConverted: counted(inPeriod(leads.convertedAt, period)),
        },
        sql`(${inPeriod(leads.createdAt, period)} or ${inPeriod(leads.convertedAt, period)})`,
      ),
      this.grouped(
        clients,
        clients.assignedTo,
        clientRecords.visibility,
        scope,
        {
          newClients: counted(sql`true`),
        },
        inPeriod(clients.createdAt, period),
      ),
      this.grouped(
        activities,
        activities.assignedTo,
        activityRecords.visibility,
        scope,
        {
          activitiesDone: counted(sql`true`),
        },
        and(sql`${activities.status} = 'completed'`, inPeriod(activities.doneAt, period)) as SQL,
      ),
    ]);
    const result = new Map<string, CommercialMeasures>();
    for (const { sub, ...figures } of [...quoteRows, ...leadRows, ...clientRows, ...activityRows]) {
      result.set(sub, { ...(result.get(sub) ?? NO_MEASURES), ...figures });
    }
    return result;
  }

  /** Reasons given for rejected quotes (decided in the period), per commercial, most frequent first. */
  async lostReasons(scope: MeasureScope, period: SalesPeriod): Promise<Map<string, LostReason[]>> {
    const rows = await this.db
      .select({
        sub: sql<string>`m.sub`,
        reason: sql<string>`coalesce(nullif(trim(${quotes.statusReason}), ''), '')`,
        count: sql<number>`count(*)::int`,
      })
      .from(sql`${quotes} cross join lateral unnest(${quotes.assignedTo}) as m(sub)`)
      .where(
        and(
          this.scopeCondition(quoteRecords.visibility, scope),
          isNull(quotes.archivedAt),
          sql`${quotes.status} = 'rejected'`,
          inPeriod(quotes.decidedAt, period),
        ),
      )
      .groupBy(sql`1`, sql`2`)
      .orderBy(sql`1`, desc(sql`3`), sql`2`);
    const result = new Map<string, LostReason[]>();
    for (const { sub, reason, count } of rows) {
      result.set(sub, [...(result.get(sub) ?? []), { reason, count }]);
    }
    return result;
  }

  private quoteFigures(scope: MeasureScope, period: SalesPeriod) {
    const decided = (status: string) =>
      sql`${quotes.status} = ${status} and ${inPeriod(quotes.decidedAt, period)}`;
    const accepted = decided('accepted');
    return this.db
      .select({
        sub: sql<string>`m.sub`,
        quotesSent: counted(inPeriod(quotes.sentAt, period)),
        quotesAccepted: counted(accepted),
        quotesLost: counted(decided('rejected')),
        revenueTnd: moneySum(QUOTE_TURNOVER, accepted),
        marginTnd: moneySum(sql`${quotes.marginTnd}`, accepted),
      })
      .from(sql`${quotes} cross join lateral unnest(${quotes.assignedTo}) as m(sub)`)
      .where(
        and(
          this.scopeCondition(quoteRecords.visibility, scope),
          isNull(quotes.archivedAt),
          sql`(${inPeriod(quotes.sentAt, period)} or ${inPeriod(quotes.decidedAt, period)})`,
        ),
      )
      .groupBy(sql`m.sub`);
  }

  private grouped<F extends Record<string, SQL<number>>>(
    table: PgTable & { archivedAt: PgColumn },
    assignedTo: PgColumn,
    visibility: Visibility,
    scope: MeasureScope,
    figures: F,
    where: SQL,
  ): Promise<({ sub: string } & { [K in keyof F]: number })[]> {
    return this.db
      .select({ sub: sql<string>`m.sub`, ...figures })
      .from(sql`${table} cross join lateral unnest(${assignedTo}) as m(sub)`)
      .where(and(this.scopeCondition(visibility, scope), isNull(table.archivedAt), where))
      .groupBy(sql`m.sub`) as Promise<({ sub: string } & { [K in keyof F]: number })[]>;
  }

  private scopeCondition(visibility: Visibility, scope: MeasureScope): SQL | undefined {
    return and(
      scope.user ? visibility(scope.user, 'read') : undefined,
      scope.commercialIds === undefined ? undefined : inList(sql`m.sub`, scope.commercialIds),
    );
  }
}
