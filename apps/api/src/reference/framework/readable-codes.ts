import { sql } from 'drizzle-orm';
import type { Transaction } from '../../database/database.types.js';
import { referenceCodeCounters } from './reference-framework.table.js';

/**
 * The next readable code of `prefix` (`ARM-001`, `ARM-002` …) in the caller's transaction: an
 * upsert on the prefix's counter row (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), whose row
 * lock serialises concurrent creations until commit — never "select max + 1".
 */
export async function nextReadableCode(tx: Transaction, prefix: string): Promise<string> {
  const [row] = await tx
    .insert(referenceCodeCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({
      target: referenceCodeCounters.prefix,
      set: { last: sql`${referenceCodeCounters.last} + 1` },
    })
    .returning({ last: referenceCodeCounters.last });
  if (!row) throw new Error(`code counter ${prefix} returned no row`);
  return `${prefix}-${String(row.last).padStart(3, '0')}`;
}
