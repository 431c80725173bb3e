import { inArray } from 'drizzle-orm';
import type { Executor } from '../../common/records/repository.js';
import { jobs } from './jobs.table.js';

/**
 * The numbers of these jobs, by id, in one query. Documents that belong to jobs (invoices,
 * supplier invoices) read them at each read rather than copying them: a job's provisional number
 * is replaced by its series number (`SE26-00012`) after it opens.
 */
export async function jobNumbersOf(
  executor: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: jobs.id, number: jobs.number })
    .from(jobs)
    .where(inArray(jobs.id, wanted));
  return new Map(rows.map((r) => [r.id, r.number]));
}
