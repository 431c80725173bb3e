import { Inject, Injectable } from '@nestjs/common';
import type { FieldChange } from '@velosi/contracts';
import { inArray, sql } from 'drizzle-orm';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import { clients, contacts } from '../clients/clients.table.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { leads } from '../leads/leads.table.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { PeopleDirectory } from '../staff/staff-directory.js';

/** Audited fields that hold the id of another record, and the table that names it. */
const RECORD_FIELDS = {
  clientId: 'client',
  convertedClientId: 'client',
  leadId: 'lead',
  opportunityId: 'opportunity',
  convertedOpportunityId: 'opportunity',
  contactId: 'contact',
} as const;
/** Audited fields that hold staff user ids (one or a list). */
const USER_FIELDS = new Set(['assignedTo', 'ownerId', 'createdBy']);

type RecordKind = (typeof RECORD_FIELDS)[keyof typeof RECORD_FIELDS];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an audit entry mentions, by what they name. */
export interface MentionedIds {
  users: Set<string>;
  records: Record<RecordKind, Set<string>>;
}

export function emptyMentions(): MentionedIds {
  return {
    users: new Set(),
    records: { client: new Set(), lead: new Set(), opportunity: new Set(), contact: new Set() },
  };
}

/** Adds the actor and every id-valued field of the changes to `into`. */
export function collectMentions(into: MentionedIds, actor: string, changes: readonly FieldChange[]): void {
  into.users.add(actor);
  for (const change of changes) {
    const values = [change.before, change.after].flat().filter((v): v is string => typeof v === 'string');
    if (USER_FIELDS.has(change.field)) values.forEach((v) => into.users.add(v));
    const kind = RECORD_FIELDS[change.field as keyof typeof RECORD_FIELDS] as RecordKind | undefined;
    if (kind) values.filter((v) => UUID.test(v)).forEach((v) => into.records[kind].add(v));
  }
}

/** The names of the ids one entry mentions (`names` from TimelineNames.resolve), those that have one. */
export function namesOf(
  names: ReadonlyMap<string, string>,
  mentioned: readonly unknown[],
): Record<string, string> {
  return Object.fromEntries(
    mentioned.flatMap((id) => {
      const name = typeof id === 'string' ? names.get(id) : undefined;
      return name === undefined ? [] : [[id, name]];
    }),
  );
}

/**
 * Display names for the ids a timeline page mentions — staff (from the directory) and the clients,
 * prospects, opportunities and contacts it points at — so the history reads "Céramiques du Sahel",
 * not a uuid. The reader already sees the record whose history this is, and these names are the
 * ones its own page shows. An id without a name (deleted record, user who left) stays unnamed.
 */
@Injectable()
export class TimelineNames {
  private readonly db: Database;

  constructor(
    @Inject(DATABASE) database: DatabaseHandle,
    private readonly staff: PeopleDirectory,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.db = database.db;
  }

  async resolve(ids: MentionedIds): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const [users, ...records] = await Promise.all([
      this.userNames(ids.users),
      this.lookup(ids.records.client, clients, sql<string>`${clients.name}`),
      this.lookup(ids.records.lead, leads, sql<string>`coalesce(${leads.company}, ${leads.fullName})`),
      this.lookup(ids.records.opportunity, opportunities, sql<string>`${opportunities.title}`),
      this.lookup(
        ids.records.contact,
        contacts,
        sql<string>`trim(coalesce(${contacts.firstName} || ' ', '') || ${contacts.lastName})`,
      ),
    ]);
    for (const [id, name] of [...users, ...records.flat()]) names.set(id, name);
    return names;
  }

  private async userNames(ids: Set<string>): Promise<[string, string][]> {
    if (ids.size === 0) return [];
    try {
      const members = await this.staff.list();
      return members
        .filter((m) => ids.has(m.id))
        .map((m) => [m.id, [m.firstName, m.lastName].filter(Boolean).join(' ') || m.username]);
    } catch (error) {
      // The directory lives in the identity provider: without it the history still loads, unnamed.
      this.logger.warn({ err: error }, 'staff directory unavailable for timeline names');
      return [];
    }
  }

  private async lookup(
    ids: Set<string>,
    table: typeof clients | typeof leads | typeof opportunities | typeof contacts,
    name: ReturnType<typeof sql<string>>,
  ): Promise<[string, string][]> {
    if (ids.size === 0) return [];
    const rows = await this.db
      .select({ id: table.id, name })
      .from(table)
      .where(inArray(table.id, [...ids]));
    return rows.map((row) => [row.id, row.name]);
  }
}
