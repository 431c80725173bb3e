import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_LIMIT_PER_TYPE, type SearchGroup, type SearchType } from '@velosi/contracts';
import { and, desc, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AuthUser } from '../auth/auth-user.js';
import { clientRecords, contactRecords } from '../clients/clients.records.js';
import { clients, contacts } from '../clients/clients.table.js';
import type { RecordTable } from '../common/records/repository.js';
import type { Visibility } from '../common/records/visibility.js';
import { searchCondition } from '../common/search/search.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { leadRecords } from '../leads/leads.records.js';
import { leads } from '../leads/leads.table.js';
import { opportunityRecords } from '../opportunities/opportunities.records.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { quoteRecords } from '../quotes/persistence/quotes.records.js';
import { quotes } from '../quotes/persistence/quotes.table.js';

/** How one record type is searched: the list's own visibility and search document, plus what a hit shows. */
interface Target {
  table: RecordTable;
  visibility: Visibility;
  document: SQL;
  title: SQL<string>;
  subtitle: SQL<string | null>;
  clientId: SQL<string | null>;
}

const TARGETS: Record<SearchType, Target> = {
  quotes: {
    table: quotes,
    visibility: quoteRecords.visibility,
    document: quoteRecords.searchDocument,
    title: sql<string>`${quotes.number}`,
    subtitle: sql<string | null>`${quotes.title} || coalesce(' — ' || ${quotes.customerName}, '')`,
    clientId: sql<string | null>`${quotes.clientId}`,
  },
  clients: {
    table: clients,
    visibility: clientRecords.visibility,
    document: clientRecords.searchDocument,
    title: sql<string>`${clients.name}`,
    subtitle: sql<string | null>`${clients.city}`,
    clientId: sql<string | null>`${clients.id}`,
  },
  contacts: {
    table: contacts,
    visibility: contactRecords.visibility,
    document: contactRecords.searchDocument,
    title: sql<string>`concat_ws(' ', ${contacts.firstName}, ${contacts.lastName})`,
    subtitle: sql<
      string | null
    >`(select ${clients.name} from ${clients} where ${clients.id} = ${contacts.clientId})`,
    clientId: sql<string | null>`${contacts.clientId}`,
  },
  leads: {
    table: leads,
    visibility: leadRecords.visibility,
    document: leadRecords.searchDocument,
    title: sql<string>`${leads.fullName}`,
    subtitle: sql<string | null>`${leads.company}`,
    clientId: sql<string | null>`${leads.convertedClientId}`,
  },
  opportunities: {
    table: opportunities,
    visibility: opportunityRecords.visibility,
    document: opportunityRecords.searchDocument,
    title: sql<string>`${opportunities.title}`,
    subtitle: sql<string | null>`${opportunities.customerName}`,
    clientId: sql<string | null>`${opportunities.clientId}`,
  },
};

/**
 * Global search over the sales records: for each type, the same WHERE as its list with `q` —
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
    const rows = await this.db
      .select({
        id: sql<string>`${target.table.id}`,
        title: target.title,
        subtitle: target.subtitle,
        clientId: target.clientId,
      })
      .from(target.table as PgTable)
      .where(
        and(
          target.visibility(user, 'read'),
          isNull(target.table.archivedAt),
          searchCondition(q, target.document),
        ),
      )
      .orderBy(desc(target.table.updatedAt), desc(target.table.id))
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
