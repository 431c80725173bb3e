import { Inject, Injectable } from '@nestjs/common';
import {
  isQuoteEditable,
  quoteConsistencyIssues,
  type Quote,
  type QuoteCreate,
  type QuoteListQuery,
  type QuotePage,
  type QuoteUpdate,
} from '@velosi/contracts';
import { arrayContains, eq, gte, inArray, lte } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/records/actor.js';
import { Assignments } from '../common/records/assignment.js';
import { presentOnly } from '../common/records/fields.js';
import { invalidState } from '../common/records/problems.js';
import { RecordRepository, type Executor } from '../common/records/repository.js';
import { ValidationProblem } from '../common/validation.js';
import { DATABASE, type DatabaseHandle, type Transaction } from '../database/database.types.js';
import { insertQuote, type NewQuote, type RevisionNumbering } from './quote-insert.js';
import { QuoteParties, type QuoteLinks } from './quote-parties.js';
import { lineInput, priceQuote, readLines, writeLines } from './quote-pricing.js';
import { defaultValidUntil, effectiveStatus, effectiveStatusSql } from './quote-status.js';
import {
  quoteHeaderColumns,
  quoteRecords,
  toQuoteHeader,
  type QuoteHeader,
  type QuoteSortField,
} from './quotes.records.js';
import { quotes, type QuoteRow } from './quotes.table.js';

@Injectable()
export class QuotesService {
  readonly records: RecordRepository<typeof quotes, QuoteHeader, QuoteSortField>;

  constructor(
    @Inject(DATABASE) database: DatabaseHandle,
    audit: AuditService,
    private readonly parties: QuoteParties,
    private readonly assignments: Assignments,
  ) {
    this.records = new RecordRepository(quoteRecords, database.db, audit);
  }

  async list(user: AuthUser, query: QuoteListQuery): Promise<QuotePage> {
    const page = await this.records.list(user, query, [
      query.status ? inArray(effectiveStatusSql(), query.status) : undefined,
      query.mode ? inArray(quotes.mode, query.mode) : undefined,
      query.direction ? eq(quotes.direction, query.direction) : undefined,
      query.clientId ? eq(quotes.clientId, query.clientId) : undefined,
      query.leadId ? eq(quotes.leadId, query.leadId) : undefined,
      query.opportunityId ? eq(quotes.opportunityId, query.opportunityId) : undefined,
      query.assignedTo ? arrayContains(quotes.assignedTo, [query.assignedTo]) : undefined,
      query.validFrom ? gte(quotes.validUntil, query.validFrom) : undefined,
      query.validTo ? lte(quotes.validUntil, query.validTo) : undefined,
    ]);
    const lines = await readLines(
      this.records.db,
      page.items.map((q) => q.id),
    );
    return { ...page, items: page.items.map((q) => ({ ...q, items: lines.get(q.id) ?? [] })) };
  }

  async get(user: AuthUser, id: string): Promise<Quote> {
    return this.withLines(this.records.db, await this.records.require(this.records.db, user, id));
  }

  /** The full quote (header + lines) of a row. */
  async withLines(executor: Executor, row: QuoteRow): Promise<Quote> {
    const lines = await readLines(executor, [row.id]);
    return { ...toQuoteHeader(row), items: lines.get(row.id) ?? [] };
  }

  async create(actor: Actor, body: QuoteCreate): Promise<Quote> {
    await this.assignments.assertNew(actor.user, body.assignedTo);
    return this.records.db.transaction(async (tx) => {
      const links = {
        clientId: body.clientId ?? null,
        leadId: body.leadId ?? null,
        contactId: body.contactId ?? null,
        opportunityId: body.opportunityId ?? null,
      };
      await this.parties.check(tx, actor.user, links);
      const row = await this.insert(tx, actor, {
        ...body,
        ...links,
        validUntil: body.validUntil ?? defaultValidUntil(),
        assignedTo: body.assignedTo ?? [actor.user.sub],
      });
      return this.withLines(tx, row);
    });
  }

  /** Inserts a new draft (see insertQuote) in the caller's transaction. */
  insert(tx: Transaction, actor: Actor, quote: NewQuote, revision?: RevisionNumbering): Promise<QuoteRow> {
    return insertQuote(tx, this.records, actor, quote, { revision });
  }

  /** PATCH of a draft: header fields given, and `items` (when given) replacing every line. */
  async update(actor: Actor, id: string, { version, ...changes }: QuoteUpdate): Promise<Quote> {
    const assignment = await this.assignments.prepare(actor.user, changes.assignedTo);
    return this.records.db.transaction(async (tx) => {
      const before = await this.records.lockVersion(tx, actor.user, id, version);
      if (!isQuoteEditable(effectiveStatus(before.status, before.validUntil))) {
        throw invalidState('Only draft quotes can be edited; revise or duplicate this one.');
      }
      assignment(before.assignedTo);
      const current = await this.withLines(tx, before);
      const merged = { ...current, ...presentOnly(changes) };
      const items = changes.items ?? current.items.map(lineInput);
      const issues = quoteConsistencyIssues({ ...merged, items });
      if (issues.length > 0) {
        throw new ValidationProblem(issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      }
      if (changes.contactId !== undefined || changes.opportunityId !== undefined) {
        await this.parties.check(tx, actor.user, merged);
      }
      const priced = priceQuote(items, merged);
      const row = await this.records.updateLocked(tx, actor, before, {
        ...presentOnly(quoteHeaderColumns(changes)),
        ...priced.totals,
      });
      if (!changes.items) return this.withLines(tx, row);
      await writeLines(tx, id, priced.lines);
      const after = await this.withLines(tx, row);
      await this.records.recordAudit(
        tx,
        actor,
        'replace_lines',
        id,
        { items: current.items },
        { items: after.items },
      );
      return after;
    });
  }

  /** See QuoteParties.check: links must be visible to the caller and agree with each other. */
  checkParties(tx: Transaction, user: AuthUser, links: QuoteLinks): Promise<void> {
    return this.parties.check(tx, user, links);
  }
}
