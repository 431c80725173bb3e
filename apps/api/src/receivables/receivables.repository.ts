import { Inject, Injectable } from '@nestjs/common';
import type {
  AgeingBuckets,
  ClientReceivable,
  OpenInvoice,
  ReceivablesDashboard,
  ReceivablesQuery,
} from '@velosi/contracts';
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { billingName, billingNameSql, clientVisibility } from '../clients/clients.records.js';
import { clients, type ClientRow } from '../clients/clients.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { totalAmountSql } from '../invoices/persistence/invoice-settlement.js';
import { invoices } from '../invoices/persistence/invoices.table.js';
import { settlementAt, type SettlementAt } from './settlement-at.js';

/** Days past due at `asOf` (negative: not due yet). */
const daysPastDue = (asOf: string) => sql<number>`(${asOf}::date - ${invoices.dueDate})`;

const nameMatches = (pattern: string) => or(ilike(clients.name, pattern), ilike(clients.legalName, pattern));

/** Sum of the open TND amounts of the rows matching `condition` (all rows without one). */
const openTndSum = (at: SettlementAt, condition?: SQL) =>
  condition
    ? sql<string>`coalesce(sum(${at.openTnd}) filter (where ${condition}), 0)::numeric(15,3)::text`
    : sql<string>`coalesce(sum(${at.openTnd}), 0)::numeric(15,3)::text`;

/** The ageing buckets as SQL aggregates: summed by the database, never in JS. */
function bucketColumns(asOf: string, at: SettlementAt) {
  const days = daysPastDue(asOf);
  return {
    notDueTnd: openTndSum(at, sql`${days} <= 0`),
    days0to30Tnd: openTndSum(at, sql`${days} between 1 and 30`),
    days31to60Tnd: openTndSum(at, sql`${days} between 31 and 60`),
    days61to90Tnd: openTndSum(at, sql`${days} between 61 and 90`),
    over90Tnd: openTndSum(at, sql`${days} > 90`),
    overdueTnd: openTndSum(at, at.overdue),
    balanceTnd: openTndSum(at),
  };
}

const ZERO_BUCKETS: AgeingBuckets = {
  notDueTnd: '0.000',
  days0to30Tnd: '0.000',
  days31to60Tnd: '0.000',
  days61to90Tnd: '0.000',
  over90Tnd: '0.000',
  overdueTnd: '0.000',
  balanceTnd: '0.000',
};

/** Open receivables in SQL: per-client ageing, the open invoices of a client. */
@Injectable()
export class ReceivablesRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  get db() {
    return this.database.db;
  }

  /**
   * Issued invoices with something open at `at`'s day, of the clients the user reads (clients'
   * visibility).
   */
  private openInvoicesOf(user: AuthUser, at: SettlementAt, extra: (SQL | undefined)[] = []): SQL {
    return and(at.receivable, sql`${at.open} > 0`, clientVisibility(user, 'read'), ...extra) as SQL;
  }

  /** The client if the user reads it (undefined otherwise: a 404 for the caller). */
  async visibleClient(user: AuthUser, clientId: string): Promise<ClientRow | undefined> {
    const [row] = await this.db
      .select()
      .from(clients)
      .where(and(eq(clients.id, clientId), clientVisibility(user, 'read')));
    return row;
  }

  async page(
    user: AuthUser,
    query: ReceivablesQuery,
    asOf: string,
  ): Promise<{ items: ClientReceivable[]; total: number; totals: AgeingBuckets }> {
    const at = settlementAt(asOf);
    const overdueClients = sql`${invoices.clientId} in (select ${invoices.clientId} from ${invoices}
      where ${at.overdue})`;
    const where = this.openInvoicesOf(user, at, [
      query.clientId ? eq(invoices.clientId, query.clientId) : undefined,
      // Either name finds the client: the list shows the legal name, people type the usual one.
      query.q ? nameMatches(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
      query.overdueOnly ? overdueClients : undefined,
    ]);
    const buckets = bucketColumns(asOf, at);
    const sortColumns: Record<NonNullable<ReceivablesQuery['sort']>['field'], SQL> = {
      clientName: billingNameSql,
      balanceTnd: sql`sum(${at.openTnd})`,
      overdueTnd: sql`coalesce(sum(${at.openTnd}) filter (where ${daysPastDue(asOf)} > 0), 0)`,
      oldestDueDate: sql`min(${invoices.dueDate})`,
    };
    const sort = query.sort ?? { field: 'overdueTnd', direction: 'desc' };
    const order = sort.direction === 'asc' ? asc : desc;
    const items = await this.db
      .select({
        clientId: invoices.clientId,
        clientName: billingNameSql,
        creditLimitTnd: clients.creditLimit,
        openInvoices: sql<number>`count(*)::int`,
        oldestDueDate: sql<string | null>`min(${invoices.dueDate})::text`,
        ...buckets,
      })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(where)
      .groupBy(invoices.clientId, clients.name, clients.legalName, clients.creditLimit)
      .orderBy(order(sortColumns[sort.field]), asc(invoices.clientId))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [summary] = await this.db
      .select({ total: sql<number>`count(distinct ${invoices.clientId})::int`, ...buckets })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(where);
    const { total = 0, ...totals } = summary ?? { ...ZERO_BUCKETS, total: 0 };
    return {
      items: items.map((row) => ({ ...row, openInvoices: Number(row.openInvoices) })),
      total: Number(total),
      totals,
    };
  }

  /** A client's open invoices at `asOf`, oldest due first (the user already checked to read it). */
  async openInvoices(
    user: AuthUser,
    clientId: string,
    asOf: string,
    overdueOnly = false,
  ): Promise<OpenInvoice[]> {
    const at = settlementAt(asOf);
    const rows = await this.db
      .select({
        invoiceId: invoices.id,
        number: sql<string>`${invoices.number}`,
        invoiceDate: sql<string>`${invoices.invoiceDate}::text`,
        dueDate: sql<string>`${invoices.dueDate}::text`,
        currency: invoices.currency,
        totalAmount: sql<string>`${totalAmountSql}::text`,
        creditedAmount: sql<string>`${at.credited}::numeric(15,3)::text`,
        paidAmount: sql<string>`${at.paid}::numeric(15,3)::text`,
        openAmount: sql<string>`${at.open}::numeric(15,3)::text`,
        openTnd: sql<string>`${at.openTnd}::numeric(15,3)::text`,
        daysPastDue: daysPastDue(asOf),
        paymentStatus: sql<OpenInvoice['paymentStatus']>`${at.paymentStatus}`,
      })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(
        this.openInvoicesOf(user, at, [
          eq(invoices.clientId, clientId),
          overdueOnly ? at.overdue : undefined,
        ]),
      )
      .orderBy(asc(invoices.dueDate), asc(invoices.number));
    return rows.map((r) => ({ ...r, daysPastDue: Number(r.daysPastDue) }));
  }

  /** Ageing and invoice counts of the open invoices matching `extra`, in one aggregate. */
  private async ageing(user: AuthUser, asOf: string, extra: (SQL | undefined)[] = []) {
    const at = settlementAt(asOf);
    const [row] = await this.db
      .select({
        openInvoices: sql<number>`count(*)::int`,
        overdueInvoices: sql<number>`(count(*) filter (where ${at.overdue}))::int`,
        oldestDueDate: sql<string | null>`min(${invoices.dueDate})::text`,
        ...bucketColumns(asOf, at),
      })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(this.openInvoicesOf(user, at, extra));
    // An aggregate always answers one row; the fallback only satisfies the type.
    const { openInvoices, overdueInvoices, oldestDueDate, ...buckets } = row ?? {
      ...ZERO_BUCKETS,
      openInvoices: 0,
      overdueInvoices: 0,
      oldestDueDate: null,
    };
    return {
      buckets,
      openInvoices: Number(openInvoices),
      overdueInvoices: Number(overdueInvoices),
      oldestDueDate,
    };
  }

  /** One client's ageing line (zeros when nothing is open). */
  async clientLine(user: AuthUser, client: ClientRow, asOf: string): Promise<ClientReceivable> {
    const { buckets, openInvoices, oldestDueDate } = await this.ageing(user, asOf, [
      eq(invoices.clientId, client.id),
    ]);
    return {
      ...buckets,
      openInvoices,
      oldestDueDate,
      clientId: client.id,
      clientName: billingName(client),
      creditLimitTnd: client.creditLimit,
    };
  }

  /** Every client the user reads, summed: the dashboard's receivables card. */
  async summary(user: AuthUser, asOf: string): Promise<ReceivablesDashboard> {
    const { buckets, openInvoices, overdueInvoices } = await this.ageing(user, asOf);
    return { totals: buckets, openInvoices, overdueInvoices };
  }
}
