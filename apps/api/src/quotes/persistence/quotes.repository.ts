import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  PublicQuoteTokenSchema,
  type Quote,
  type QuoteCreate,
  type QuoteLine,
  type QuoteListQuery,
  type QuoteNames,
  type QuotePage,
} from '@velosi/contracts';
import {
  and,
  arrayContains,
  asc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  sql,
  type SQLWrapper,
} from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { businessToday } from '../../common/business-day.js';
import {
  nextInYear,
  numberingYear,
  provisionalNumber,
  yearlyNumberSql,
} from '../../common/numbering/yearly-counter.js';
import type { Actor } from '../../common/records/actor.js';
import { recordRepositoryFor, type Executor } from '../../common/records/repository.js';
import { contacts } from '../../clients/clients.table.js';
import { opportunities } from '../../opportunities/opportunities.table.js';
import { airlines, hauliers, shippingLines } from '../../reference/carriers/carriers.table.js';
import { locations } from '../../reference/locations/locations.table.js';
import type { Transaction } from '../../database/database.types.js';
import { allOn } from '../../database/in-sequence.js';
import { quoteHeaderColumns, quoteRecords, toQuoteHeader, toQuoteLine } from './quotes.records.js';
import { effectiveStatusIn } from './quote-status.sql.js';
import {
  quoteCounters,
  quoteLines,
  quotePublicLinks,
  quotes,
  type QuoteLineRow,
  type QuoteRow,
} from './quotes.table.js';

/** The number of a revision: same year and sequence as its parent, next revision. */
export interface RevisionNumbering {
  number: string;
  year: number;
  sequence: number;
  revision: number;
  revisedFromId: string;
}

/** Quote header fields a new quote (create, revise, duplicate, demo) is built from. */
export type NewQuote = Omit<QuoteCreate, 'validUntil' | 'assignedTo'> & {
  validUntil: string;
  assignedTo: string[];
};

/** A line as stored, without its quote id (given when the set is written). */
export type PricedLine = Omit<typeof quoteLines.$inferInsert, 'quoteId' | 'id'>;

/** The server's figures of a quote (domain/quote-pricing.ts): stored lines and header totals. */
export interface PricedQuote {
  lines: PricedLine[];
  totals: Pick<
    typeof quotes.$inferInsert,
    | 'buyTnd'
    | 'sellTnd'
    | 'marginTnd'
    | 'marginPercent'
    | 'vatTnd'
    | 'vatBreakdown'
    | 'disbursementsTnd'
    | 'stampDutyTnd'
    | 'totalTnd'
    | 'totalQuoteCurrency'
  >;
}

export interface InsertOptions {
  /** Given for a revision: its number instead of a fresh one from the counter. */
  revision?: RevisionNumbering | undefined;
  /** Fixed id (the demo seed's deterministic ids); random otherwise. */
  id?: string;
  /** The demo history's quotes: created (and numbered) on a past day instead of today. */
  backdated?: { createdAt: Date; numberedOn: string };
}

/** SHA-256 of a public-link token, base64url: what the database keeps instead of the token. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function namesOf(names: Map<string, QuoteNames>, id: string): QuoteNames {
  // A quote always has a client or a lead (table check), so a name is always found.
  return (
    names.get(id) ?? {
      customerName: '',
      contactName: null,
      opportunityTitle: null,
      originName: null,
      destinationName: null,
      carrierName: null,
    }
  );
}

/** Name of the location a quote column holds the code of (codes are unique, archived ones included). */
const locationNameSql = (code: SQLWrapper) =>
  sql<string | null>`(select ${locations.name} from ${locations} where ${locations.code} = ${code})`;

/**
 * Name of the quote's carrier: readable codes carry their table's prefix (ARM shipping lines, CIE
 * airlines, TRP hauliers), so at most one of the three matches.
 */
const carrierNameSql = sql<string | null>`coalesce(
  (select ${shippingLines.name} from ${shippingLines} where ${shippingLines.code} = ${quotes.carrierCode}),
  (select ${airlines.name} from ${airlines} where ${airlines.code} = ${quotes.carrierCode}),
  (select ${hauliers.name} from ${hauliers} where ${hauliers.code} = ${quotes.carrierCode}))`;

/**
 * Every SQL statement about quotes, their lines, their numbers and their public links. The
 * header's generic reads and writes (visibility in every WHERE, versions, audit) are inherited
 * from common/records (recordRepositoryFor).
 */
export class QuotesRepository extends recordRepositoryFor(quoteRecords) {
  /** One page of quotes with the names of their linked records, without lines (status filter on the effective status). */
  async listPage(user: AuthUser, query: QuoteListQuery): Promise<QuotePage> {
    const page = await this.list(user, query, [
      query.status ? effectiveStatusIn(query.status) : undefined,
      query.mode ? inArray(quotes.mode, query.mode) : undefined,
      query.direction ? eq(quotes.direction, query.direction) : undefined,
      query.clientId ? eq(quotes.clientId, query.clientId) : undefined,
      query.leadId ? eq(quotes.leadId, query.leadId) : undefined,
      query.opportunityId ? eq(quotes.opportunityId, query.opportunityId) : undefined,
      query.assignedTo ? arrayContains(quotes.assignedTo, [query.assignedTo]) : undefined,
      query.validFrom ? gte(quotes.validUntil, query.validFrom) : undefined,
      query.validTo ? lte(quotes.validUntil, query.validTo) : undefined,
    ]);
    const names = await this.readNames(
      this.db,
      page.items.map((q) => q.id),
    );
    return { ...page, items: page.items.map((q) => ({ ...q, ...namesOf(names, q.id) })) };
  }

  /**
   * The full quote (header, names of its linked records, lines) of a row: both reads at once on
   * the pool, one after the other in a transaction (one client).
   */
  async withLines(executor: Executor, row: QuoteRow): Promise<Quote> {
    const [lines, names] = await allOn(executor, [
      () => this.readLines(executor, [row.id]),
      () => this.readNames(executor, [row.id]),
    ]);
    return { ...toQuoteHeader(row), ...namesOf(names, row.id), items: lines.get(row.id) ?? [] };
  }

  /** Customer, contact, opportunity, place and carrier names of quotes, in one query. */
  async readNames(executor: Executor, quoteIds: readonly string[]): Promise<Map<string, QuoteNames>> {
    if (quoteIds.length === 0) return new Map();
    const rows = await executor
      .select({
        id: quotes.id,
        customerName: quotes.customerName,
        contactName: sql<string | null>`(select concat_ws(' ', ${contacts.firstName}, ${contacts.lastName})
          from ${contacts} where ${contacts.id} = ${quotes.contactId})`,
        opportunityTitle: sql<string | null>`(select ${opportunities.title} from ${opportunities}
          where ${opportunities.id} = ${quotes.opportunityId})`,
        originName: locationNameSql(quotes.originCode),
        destinationName: locationNameSql(quotes.destinationCode),
        carrierName: carrierNameSql,
      })
      .from(quotes)
      .where(inArray(quotes.id, [...quoteIds]));
    return new Map(
      rows.map(({ id, customerName, ...names }) => [id, { customerName: customerName ?? '', ...names }]),
    );
  }

  /**
   * Inserts a draft with its priced lines, then numbers it and audits the creation, in the caller's
   * transaction. A new quote is inserted under a provisional number and takes its real one last
   * (assignNumber), so the year's counter stays locked only for the numbering statement, the audit
   * insert and COMMIT — the part of a creation that concurrent creations must wait for.
   */
  async insert(
    tx: Transaction,
    actor: Actor,
    quote: NewQuote,
    priced: PricedQuote,
    options: InsertOptions = {},
  ): Promise<QuoteRow> {
    return (await this.insertSteps(tx, actor, quote, priced, options, false)).row;
  }

  /**
   * `insert`, answering the full quote without reading it back: the lines come from their INSERT …
   * RETURNING and the names are read BEFORE the numbering, so the counter lock is held for the
   * numbering, the audit insert and COMMIT only — not for two more reads.
   */
  async insertFull(
    tx: Transaction,
    actor: Actor,
    quote: NewQuote,
    priced: PricedQuote,
    options: InsertOptions = {},
  ): Promise<Quote> {
    const { row, lines, names } = await this.insertSteps(tx, actor, quote, priced, options, true);
    const items = lines.map(toQuoteLine).sort((a, b) => a.position - b.position);
    return { ...toQuoteHeader(row), ...namesOf(names, row.id), items };
  }

  private async insertSteps(
    tx: Transaction,
    actor: Actor,
    quote: NewQuote,
    priced: PricedQuote,
    { revision, id = randomUUID(), backdated }: InsertOptions,
    withNames: boolean,
  ): Promise<{ row: QuoteRow; lines: QuoteLineRow[]; names: Map<string, QuoteNames> }> {
    const [inserted] = await tx
      .insert(quotes)
      .values({
        ...quoteHeaderColumns(quote),
        id,
        clientId: quote.clientId ?? null,
        leadId: quote.leadId ?? null,
        ...(revision ?? {
          number: provisionalNumber(id),
          year: 0,
          sequence: 0,
          revision: 1,
          revisedFromId: null,
        }),
        status: 'draft',
        ...priced.totals,
        createdBy: actor.user.sub,
        ...(backdated && { createdAt: backdated.createdAt, updatedAt: backdated.createdAt }),
      })
      .returning();
    if (!inserted) throw new Error('quote insert returned no row');
    // A new quote has no lines yet: inserted directly, without writeLines' DELETE.
    const lines = await this.insertLines(tx, id, priced.lines);
    const names = withNames ? await this.readNames(tx, [id]) : new Map<string, QuoteNames>();
    const row = revision
      ? inserted
      : { ...inserted, ...(await this.assignNumber(tx, id, backdated?.numberedOn)) };
    await this.recordAudit(tx, actor, 'create', id, undefined, toQuoteHeader(row));
    return { row, lines, names };
  }

  /**
   * Gives the freshly inserted quote `quoteId` the next number of the year (`Q{YYYY}-{NNNNN}`,
   * the contracts' formatQuoteNumber; quotes tests parse every number with parseQuoteNumber), as
   * the last statement of the creating transaction: see common/numbering/yearly-counter.ts.
   */
  async assignNumber(
    tx: Transaction,
    quoteId: string,
    today = businessToday(),
  ): Promise<{ number: string; year: number; sequence: number }> {
    const year = numberingYear(today);
    const counter = nextInYear(tx, quoteCounters, year);
    const [row] = await tx
      .with(counter)
      .update(quotes)
      .set({ year, sequence: sql`${counter.last}`, number: yearlyNumberSql('Q', year, counter.last) })
      .from(counter)
      .where(eq(quotes.id, quoteId))
      .returning({ number: quotes.number, sequence: quotes.sequence });
    if (!row) throw new Error(`quote ${quoteId} to number was not found`);
    return { number: row.number, year, sequence: row.sequence };
  }

  /** Replaces the quote's lines as one set, inside the caller's transaction. */
  async writeLines(tx: Transaction, quoteId: string, lines: readonly PricedLine[]): Promise<QuoteLineRow[]> {
    await tx.delete(quoteLines).where(eq(quoteLines.quoteId, quoteId));
    return this.insertLines(tx, quoteId, lines);
  }

  private async insertLines(
    tx: Transaction,
    quoteId: string,
    lines: readonly PricedLine[],
  ): Promise<QuoteLineRow[]> {
    if (lines.length === 0) return [];
    return tx
      .insert(quoteLines)
      .values(lines.map((line) => ({ ...line, quoteId })))
      .returning();
  }

  /** Lines of several quotes (one query), grouped by quote id and ordered by position. */
  async readLines(executor: Executor, quoteIds: readonly string[]): Promise<Map<string, QuoteLine[]>> {
    const byQuote = new Map<string, QuoteLine[]>();
    if (quoteIds.length === 0) return byQuote;
    const rows = await executor
      .select()
      .from(quoteLines)
      .where(inArray(quoteLines.quoteId, [...quoteIds]))
      .orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
    for (const row of rows) {
      const list = byQuote.get(row.quoteId) ?? [];
      list.push(toQuoteLine(row));
      byQuote.set(row.quoteId, list);
    }
    return byQuote;
  }

  /**
   * Makes a public link for the quote and returns its token — the only time the token exists in
   * clear. 16 random bytes = 128 bits: guessing one valid link among billions is out of reach, so
   * the token alone can authorise reading, accepting or rejecting that one quote.
   */
  async createPublicLink(tx: Transaction, quoteId: string, createdBy: string): Promise<string> {
    const token = randomBytes(16).toString('base64url');
    await tx.insert(quotePublicLinks).values({ quoteId, tokenHash: hashToken(token), createdBy });
    return token;
  }

  /** Revokes every live link of the quote; returns how many there were. */
  async revokePublicLinks(tx: Transaction, quoteId: string): Promise<number> {
    const revoked = await tx
      .update(quotePublicLinks)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(quotePublicLinks.quoteId, quoteId), isNull(quotePublicLinks.revokedAt)))
      .returning({ id: quotePublicLinks.id });
    return revoked.length;
  }

  /**
   * The quote id a live token opens, or undefined. Anything that is not shaped like a token (a
   * uuid, a quote number, a numeric id) is refused before the database is asked.
   */
  async quoteIdForToken(executor: Executor, token: string): Promise<string | undefined> {
    return (await this.linkForToken(executor, token))?.quoteId;
  }

  /** The live link behind a token: its quote and who sent it. */
  async linkForToken(
    executor: Executor,
    token: string,
  ): Promise<{ quoteId: string; createdBy: string } | undefined> {
    if (!PublicQuoteTokenSchema.safeParse(token).success) return undefined;
    const [link] = await executor
      .select({ quoteId: quotePublicLinks.quoteId, createdBy: quotePublicLinks.createdBy })
      .from(quotePublicLinks)
      .where(and(eq(quotePublicLinks.tokenHash, hashToken(token)), isNull(quotePublicLinks.revokedAt)));
    return link;
  }

  /** A quote that is not archived and still within its validity on `today`, seen by `actor`. */
  findCurrent(actor: Actor, id: string, today = businessToday()): Promise<QuoteRow | undefined> {
    return this.find(this.db, actor.user, id, {
      where: and(isNull(quotes.archivedAt), gte(quotes.validUntil, today)),
      scope: actor.scope,
    });
  }

  /**
   * Writes down every sent quote whose validity ended before `today` as expired — status, version
   * bump and an audit entry by `actor` — in one transaction; returns their numbers. Safe to run on
   * several instances at once: the UPDATE re-checks `status = 'sent'` under the row lock.
   */
  expireSentBefore(actor: Actor, today: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .update(quotes)
        .set({ status: 'expired', version: sql`${quotes.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(quotes.status, 'sent'), lt(quotes.validUntil, today)))
        .returning({ id: quotes.id, number: quotes.number });
      for (const row of rows) {
        await this.recordAudit(tx, actor, 'expire', row.id, { status: 'sent' }, { status: 'expired' });
      }
      return rows.map((row) => row.number);
    });
  }
}
