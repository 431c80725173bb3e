import { inArray, sql } from 'drizzle-orm';
import { clients } from '../clients/clients.table.js';
import { recordRepositoryFor } from '../common/records/repository.js';
import { leads } from '../leads/leads.table.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { quotes } from '../quotes/persistence/quotes.table.js';
import { activityRecords } from './activities.records.js';
import { activities } from './activities.table.js';

/** Every read and write of the activity records (visibility, versions, audit): see common/records. */
export class ActivitiesRepository extends recordRepositoryFor(activityRecords) {
  /** The linked record of each activity in words, in one query (the list's "about" column). */
  async linkNames(ids: readonly string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({
        id: activities.id,
        name: sql<string | null>`coalesce(
          (select coalesce(${leads.company}, ${leads.fullName}) from ${leads} where ${leads.id} = ${activities.leadId}),
          (select ${opportunities.title} from ${opportunities} where ${opportunities.id} = ${activities.opportunityId}),
          (select ${quotes.number} from ${quotes} where ${quotes.id} = ${activities.quoteId}),
          (select ${clients.name} from ${clients} where ${clients.id} = ${activities.clientId}))`,
      })
      .from(activities)
      .where(inArray(activities.id, [...ids]));
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
