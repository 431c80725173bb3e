import type { JobListQuery, JobPage } from '@velosi/contracts';
import { arrayContains, eq, gte, inArray, lte, sql, type SQLWrapper } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { AuthUser } from '../../auth/auth-user.js';
import { contacts } from '../../clients/clients.table.js';
import { provisionalNumber, nextInSeriesYear } from '../../common/numbering/yearly-counter.js';
import { flagCondition } from '../../common/records/list.js';
import { recordRepositoryFor, type Executor } from '../../common/records/repository.js';
import type { Transaction } from '../../database/database.types.js';
import { quotes } from '../../quotes/persistence/quotes.table.js';
import { airlines, hauliers, shippingLines } from '../../reference/carriers/carriers.table.js';
import { locations } from '../../reference/locations/locations.table.js';
import { agents } from '../../reference/partners/partners.table.js';
import { clients } from '../../clients/clients.table.js';
import {
  clientNameSql,
  jobRecords,
  overdueSql,
  toInvoiceSql,
  type JobHeader,
  type JobNames,
} from './jobs.records.js';
import { jobCounters, jobs, type JobRow } from './jobs.table.js';

const locationNameSql = (code: SQLWrapper) =>
  sql<string | null>`(select ${locations.name} from ${locations} where ${locations.code} = ${code})`;
const clientName = (id: SQLWrapper) =>
  sql<string | null>`(select ${clients.name} from ${clients} where ${clients.id} = ${id})`;

/** Readable codes carry their table's prefix (ARM, CIE, TRP), so at most one of the three matches. */
const carrierNameSql = sql<string | null>`coalesce(
  (select ${shippingLines.name} from ${shippingLines} where ${shippingLines.code} = ${jobs.carrierCode}),
  (select ${airlines.name} from ${airlines} where ${airlines.code} = ${jobs.carrierCode}),
  (select ${hauliers.name} from ${hauliers} where ${hauliers.code} = ${jobs.carrierCode}),
  ${jobs.carrierText})`;

const EMPTY_NAMES: JobNames = {
  quoteNumber: '',
  clientName: '',
  contactName: null,
  originName: null,
  destinationName: null,
  shipperName: null,
  consigneeName: null,
  notifyName: null,
  agentName: null,
  carrierName: null,
};

export type NewJob = Omit<PgInsertValue<typeof jobs>, 'id' | 'number' | 'prefix' | 'year' | 'sequence'> & {
  id?: string;
};

/**
 * Every SQL statement about the job header and its number. Containers, milestones and charges are
 * in job-parts.repository.ts. Generic reads and writes (visibility, versions, audit) are inherited.
 */
export class JobsRepository extends recordRepositoryFor(jobRecords) {
  async listWithNames(user: AuthUser, query: JobListQuery): Promise<JobPage> {
    const page = await this.list(user, query, [
      query.status ? inArray(jobs.status, query.status) : undefined,
      query.mode ? inArray(jobs.mode, query.mode) : undefined,
      query.direction ? eq(jobs.direction, query.direction) : undefined,
      query.clientId ? eq(jobs.clientId, query.clientId) : undefined,
      query.assignedTo ? arrayContains(jobs.assignedTo, [query.assignedTo]) : undefined,
      query.etdFrom ? gte(jobs.etd, query.etdFrom) : undefined,
      query.etdTo ? lte(jobs.etd, query.etdTo) : undefined,
      query.etaFrom ? gte(jobs.eta, query.etaFrom) : undefined,
      query.etaTo ? lte(jobs.eta, query.etaTo) : undefined,
      flagCondition(query.overdue, overdueSql()),
      flagCondition(query.toInvoice, toInvoiceSql()),
    ]);
    const names = await this.readNames(
      this.db,
      page.items.map((j) => j.id),
    );
    return { ...page, items: page.items.map((j) => ({ ...j, ...(names.get(j.id) ?? EMPTY_NAMES) })) };
  }

  /** Names of the client, contact, places, parties, agent, carrier and quote of jobs, in one query. */
  async readNames(executor: Executor, ids: readonly string[]): Promise<Map<string, JobNames>> {
    if (ids.length === 0) return new Map();
    const rows = await executor
      .select({
        id: jobs.id,
        quoteNumber: sql<string>`(select ${quotes.number} from ${quotes} where ${quotes.id} = ${jobs.quoteId})`,
        clientName: clientNameSql,
        contactName: sql<string | null>`(select concat_ws(' ', ${contacts.firstName}, ${contacts.lastName})
          from ${contacts} where ${contacts.id} = ${jobs.contactId})`,
        originName: locationNameSql(jobs.originCode),
        destinationName: locationNameSql(jobs.destinationCode),
        shipperName: clientName(jobs.shipperId),
        consigneeName: clientName(jobs.consigneeId),
        notifyName: clientName(jobs.notifyId),
        agentName: sql<
          string | null
        >`(select ${agents.name} from ${agents} where ${agents.code} = ${jobs.agentCode})`,
        carrierName: carrierNameSql,
      })
      .from(jobs)
      .where(inArray(jobs.id, [...ids]));
    return new Map(
      rows.map(({ id, quoteNumber, clientName: name, ...rest }) => [
        id,
        { ...rest, quoteNumber: quoteNumber ?? '', clientName: name ?? '' },
      ]),
    );
  }

  async withNames(executor: Executor, row: JobRow): Promise<JobHeader & JobNames> {
    const names = await this.readNames(executor, [row.id]);
    return { ...this.definition.toApi(row), ...(names.get(row.id) ?? EMPTY_NAMES) };
  }

  /** The job of a quote (no visibility: the caller has checked the quote). */
  async findByQuote(executor: Executor, quoteId: string): Promise<JobRow | undefined> {
    const [row] = await executor.select().from(jobs).where(eq(jobs.quoteId, quoteId));
    return row;
  }

  /**
   * Inserts the job of a quote under a provisional number, or nothing when the quote already has
   * one: `ON CONFLICT (quote_id) DO NOTHING` waits for a concurrent insert of the same quote to
   * commit or roll back, so two openers (acceptance, the manual route, two instances) make one job.
   */
  async insertOnce(tx: Transaction, values: NewJob): Promise<JobRow | undefined> {
    const id = values.id ?? crypto.randomUUID();
    const [row] = await tx
      .insert(jobs)
      .values({ ...values, id, number: provisionalNumber(id), prefix: '', year: 0, sequence: 0 })
      .onConflictDoNothing({ target: jobs.quoteId })
      .returning();
    return row;
  }

  /**
   * The next number of the series (`SE26-00012`), as the last statement of the creating
   * transaction (see common/numbering/yearly-counter.ts): gapless per prefix and year.
   */
  async assignNumber(tx: Transaction, id: string, prefix: string, year: number): Promise<JobRow> {
    const counter = nextInSeriesYear(tx, jobCounters, prefix, year);
    const yy = String(year % 100).padStart(2, '0');
    const [row] = await tx
      .with(counter)
      .update(jobs)
      .set({
        prefix,
        year,
        sequence: sql`${counter.last}`,
        number: sql`${`${prefix}${yy}-`} || lpad(${counter.last}::text, 5, '0')`,
      })
      .from(counter)
      .where(eq(jobs.id, id))
      .returning();
    if (!row) throw new Error(`job ${id} to number was not found`);
    return row;
  }
}
