import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_LIMIT_PER_TYPE, type SearchGroup, type SearchType } from '@velosi/contracts';
import { and, desc, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AuthUser } from '../auth/auth-user.js';
import { clientRecords, contactRecords } from '../clients/clients.records.js';
import { clients, contacts } from '../clients/clients.table.js';
import type { RecordDefinition, RecordTable } from '../common/records/repository.js';
import { searchCondition } from '../common/search/search.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { invoiceRecords } from '../invoices/persistence/invoices.records.js';
import { invoices } from '../invoices/persistence/invoices.table.js';
import { clientNameSql, jobRecords } from '../jobs/persistence/jobs.records.js';
import { jobs } from '../jobs/persistence/jobs.table.js';
import { leadRecords } from '../leads/leads.records.js';
import { leads } from '../leads/leads.table.js';
import { opportunityRecords } from '../opportunities/opportunities.records.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { quoteRecords } from '../quotes/persistence/quotes.records.js';
import { quotes } from '../quotes/persistence/quotes.table.js';

/** How one record type is searched: the list's own visibility and search document, plus what a hit shows. */
interface Target {
  /** The record's list definition: its table, visibility and search document. */
  records: Pick<RecordDefinition<RecordTable, unknown, string>, 'table' | 'visibility' | 'searchDocument'>;
  title: SQL<string>;
  subtitle: SQL<string | null>;
  clientId: SQL<string | null>;
}

const TARGETS: Record<SearchType, Target> = {
  quotes: {
    records: quoteRecords,
    title: sql<string>`${quotes.number}`,
    subtitle: sql<string | null>`${quotes.title} || coalesce(' — ' || ${quotes.customerName}, '')`,
    clientId: sql<string | null>`${quotes.clientId}`,
  },
  clients: {
    records: clientRecords,
    title: sql<string>`${clients.name}`,
    subtitle: sql<string | null>`${clients.city}`,
    clientId: sql<string | null>`${clients.id}`,
  },
  contacts: {
    records: contactRecords,
    title: sql<string>`concat_ws(' ', ${contacts.firstName}, ${contacts.lastName})`,
    subtitle: sql<
      string | null
    >`(select ${clients.name} from ${clients} where ${clients.id} = ${contacts.clientId})`,
    clientId: sql<string | null>`${contacts.clientId}`,
  },
  leads: {
    records: leadRecords,
    title: sql<string>`${leads.fullName}`,
    subtitle: sql<string | null>`${leads.company}`,
    clientId: sql<string | null>`${leads.convertedClientId}`,
  },
  opportunities: {
    records: opportunityRecords,
    title: sql<string>`${opportunities.title}`,
    subtitle: sql<string | null>`${opportunities.customerName}`,
    clientId: sql<string | null>`${opportunities.clientId}`,
  },
  jobs: {
    records: jobRecords,
    title: sql<string>`${jobs.number}`,
    subtitle: sql<string | null>`${clientNameSql}`,
    clientId: sql<string | null>`${jobs.clientId}`,
  },
  invoices: {
    records: invoiceRecords,
    // A draft has no number yet: the SPA names it "Brouillon".
    title: sql<string>`coalesce(${invoices.number}, '')`,
    subtitle: sql<string | null>`${invoices.buyerName}`,
    clientId: sql<string | null>`${invoices.clientId}`,
  },
};

/**
 * Global search over the sales records, jobs and invoices: for each type, the same WHERE as its list with `q` —
 * the definition's SQL visibility, live records only, and the shared accent/case/word-order
 * insensitive search (common/search) — newest first, one more row than shown to tell "more".
 */
@Injectable()
export class SearchRepository {
  private readonly db: Database;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.db = database.db;
  }

  async search(user: AuthUser, type: SearchType, q: string): Promise<SearchGroup> {
    const target = TARGETS[type];
    const { table, visibility, searchDocument } = target.records;
    const rows = await this.db
      .select({
        id: sql<string>`${table.id}`,
        title: target.title,
        subtitle: target.subtitle,
        clientId: target.clientId,
      })
      .from(table as PgTable)
      .where(and(visibility(user, 'read'), isNull(table.archivedAt), searchCondition(q, searchDocument)))
      .orderBy(desc(table.updatedAt), desc(table.id))
      .limit(SEARCH_LIMIT_PER_TYPE + 1);
    return {
      type,
      items: rows.slice(0, SEARCH_LIMIT_PER_TYPE).map((row) => ({
        id: row.id,
        title: row.title,
        subtitle: row.subtitle ?? null,
        clientId: row.clientId ?? null,
      })),
      more: rows.length > SEARCH_LIMIT_PER_TYPE,
    };
  }
}
