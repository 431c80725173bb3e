import { and, eq, sql } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { ValidationProblem } from '../validation.js';
import type { Executor, RecordDefinition, RecordTable } from './repository.js';

/** The parts of a record definition a link check needs (any record type fits). */
export type LinkTarget = Pick<
  RecordDefinition<RecordTable, unknown, string>,
  'entity' | 'table' | 'visibility'
>;

/**
 * A body field naming another record (`leadId`, `clientId` …) must name one the caller can see:
 * no activity or opportunity hung on someone else's lead. A miss is a 400 on that field, worded
 * the same for "absent" and "not yours" so ids cannot be probed.
 */
export async function assertLinkVisible(
  executor: Executor,
  user: AuthUser,
  target: LinkTarget,
  id: string,
  field: string,
): Promise<void> {
  const [found] = await executor
    .select({ one: sql<number>`1` })
    .from(target.table)
    .where(and(eq(target.table.id, id), target.visibility(user, 'read')));
  if (!found) throw new ValidationProblem([{ field, message: `no ${target.entity} with this id` }]);
}
