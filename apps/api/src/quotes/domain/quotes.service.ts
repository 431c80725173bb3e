import { Injectable } from '@nestjs/common';
import {
  isQuoteEditable,
  quoteConsistencyIssues,
  type Quote,
  type QuoteCreate,
  type QuoteListQuery,
  type QuotePage,
  type QuoteUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import type { Actor } from '../../common/records/actor.js';
import { Assignments } from '../../staff/assignment.js';
import { presentOnly } from '../../common/records/fields.js';
import { invalidState } from '../../common/records/problems.js';
import { ValidationProblem } from '../../common/validation.js';
import type { Transaction } from '../../database/database.types.js';
import { QuoteParties, type QuoteLinks } from '../persistence/quote-parties.js';
import {
  QuotesRepository,
  type InsertOptions,
  type NewQuote,
  type RevisionNumbering,
} from '../persistence/quotes.repository.js';
import { quoteHeaderColumns } from '../persistence/quotes.records.js';
import type { QuoteRow } from '../persistence/quotes.table.js';
import { lineInput, priceQuote } from './quote-pricing.js';
import { defaultValidUntil, effectiveStatus } from './quote-status.js';

/** Listing, reading, creating and editing quotes (the workflow actions: quote-actions.service.ts). */
@Injectable()
export class QuotesService {
  constructor(
    readonly repository: QuotesRepository,
    private readonly parties: QuoteParties,
    private readonly assignments: Assignments,
  ) {}

  /** The header's generic repository (archive, restore and timeline routes: lifecycleController). */
  get records(): QuotesRepository {
    return this.repository;
  }

  list(user: AuthUser, query: QuoteListQuery): Promise<QuotePage> {
    return this.repository.listPage(user, query);
  }

  async get(user: AuthUser, id: string): Promise<Quote> {
    const { db } = this.repository;
    return this.repository.withLines(db, await this.repository.require(db, user, id));
  }

  async create(actor: Actor, body: QuoteCreate): Promise<Quote> {
    await this.assignments.assertNew(actor.user, body.assignedTo);
    return this.repository.db.transaction(async (tx) => {
      const links = {
        clientId: body.clientId ?? null,
        leadId: body.leadId ?? null,
        contactId: body.contactId ?? null,
        opportunityId: body.opportunityId ?? null,
      };
      await this.parties.check(tx, actor.user, links);
      const quote = {
        ...body,
        ...links,
        validUntil: body.validUntil ?? defaultValidUntil(),
        assignedTo: body.assignedTo ?? [actor.user.sub],
      };
      return this.repository.insertFull(tx, actor, quote, priceQuote(quote.items, quote));
    });
  }

  /** Prices and inserts a new draft (QuotesRepository.insert) in the caller's transaction. */
  insert(tx: Transaction, actor: Actor, quote: NewQuote, revision?: RevisionNumbering): Promise<QuoteRow> {
    return insertDraft(this.repository, tx, actor, quote, { revision });
  }

  /** PATCH of a draft: header fields given, and `items` (when given) replacing every line. */
  async update(actor: Actor, id: string, { version, ...changes }: QuoteUpdate): Promise<Quote> {
    const assignment = await this.assignments.prepare(actor.user, changes.assignedTo);
    return this.repository.db.transaction(async (tx) => {
      const before = await this.repository.lockVersion(tx, actor.user, id, version);
      if (!isQuoteEditable(effectiveStatus(before.status, before.validUntil))) {
        throw invalidState('Only draft quotes can be edited; revise or duplicate this one.');
      }
      assignment(before.assignedTo);
      const current = await this.repository.withLines(tx, before);
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
      const row = await this.repository.updateLocked(tx, actor, before, {
        ...presentOnly(quoteHeaderColumns(changes)),
        ...priced.totals,
      });
      if (!changes.items) return this.repository.withLines(tx, row);
      await this.repository.writeLines(tx, id, priced.lines);
      const after = await this.repository.withLines(tx, row);
      await this.repository.recordAudit(
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

/** A new draft priced by the contracts' rules, inserted and numbered (create, revise, duplicate, demo). */
export function insertDraft(
  repository: QuotesRepository,
  tx: Transaction,
  actor: Actor,
  quote: NewQuote,
  options: InsertOptions = {},
): Promise<QuoteRow> {
  return repository.insert(tx, actor, quote, priceQuote(quote.items, quote), options);
}
