import type { ClientDuplicate, ClientDuplicatesQuery } from '@velosi/contracts';
import { PROBLEM_TYPES } from '@velosi/contracts';
import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/records/problems.js';
import type { Executor } from '../common/records/repository.js';
import { ProblemException } from '../common/problem-exception.js';
import { clientVisibility } from './clients.records.js';
import { clients } from './clients.table.js';

// SQL functions and the unique index of migration 0005_client_duplicates.sql.
const TAX_ID_INDEX = 'clients_live_tax_id_uq';
const taxIdKey = (value: SQL | string) => sql`tax_id_key(${value})`;
const nameKey = (value: SQL | string) => sql`company_name_key(${value})`;
const clientTaxIdKey = taxIdKey(sql`${clients.fiscalId}`);
const clientNameKey = nameKey(sql`${clients.name}`);

/** 409 `duplicate`: a live client already has this tax id; the SPA links to it. */
export function duplicateTaxId(existingId: string): ProblemException {
  return new ProblemException(409, PROBLEM_TYPES.duplicate, 'A client with this tax id already exists.', {
    existingId,
    field: 'fiscalId',
  });
}

/** The live client (other than `exceptId`) whose tax id equals `fiscalId` once normalised. */
async function liveHolderOf(
  executor: Executor,
  fiscalId: string,
  exceptId?: string,
): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        isNull(clients.archivedAt),
        eq(clientTaxIdKey, taxIdKey(fiscalId)),
        exceptId ? ne(clients.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row?.id;
}

/** Refuses (409 with the holder's id) a tax id another live client has, whoever it is assigned to. */
export async function assertTaxIdFree(
  executor: Executor,
  fiscalId: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!fiscalId) return;
  const holder = await liveHolderOf(executor, fiscalId, exceptId);
  if (holder) throw duplicateTaxId(holder);
}

/**
 * Runs a write of client `id` (or a new client with `fiscalId`); a unique violation on the live
 * tax-id index — a concurrent writer got there first, or a restore collides — becomes the same 409.
 */
export async function withTaxIdConflict<T>(
  executor: Executor,
  target: { fiscalId?: string | null | undefined; id?: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error, TAX_ID_INDEX)) throw error;
    const fiscalId =
      target.fiscalId ??
      (target.id
        ? (await executor.select({ f: clients.fiscalId }).from(clients).where(eq(clients.id, target.id)))[0]
            ?.f
        : undefined);
    const holder = fiscalId ? await liveHolderOf(executor, fiscalId, target.id) : undefined;
    throw holder ? duplicateTaxId(holder) : error;
  }
}

/** Live clients that look like the one being typed (see ClientDuplicatesQuerySchema). */
export async function findDuplicates(
  executor: Executor,
  user: AuthUser,
  { name, fiscalId, excludeId }: ClientDuplicatesQuery,
): Promise<ClientDuplicate[]> {
  const byTaxId = fiscalId ? eq(clientTaxIdKey, taxIdKey(fiscalId)) : undefined;
  // A name reduced to nothing ("SARL") matches nothing.
  const byName = name ? and(eq(clientNameKey, nameKey(name)), ne(clientNameKey, '')) : undefined;
  if (!byTaxId && !byName) return [];
  const visible = clientVisibility(user, 'read') ?? sql`true`;
  const rows = await executor
    .select({
      id: clients.id,
      name: clients.name,
      fiscalId: clients.fiscalId,
      taxIdMatch: byTaxId ? sql<boolean>`${byTaxId}` : sql<boolean>`false`,
      accessible: sql<boolean>`${visible}`,
    })
    .from(clients)
    .where(
      and(isNull(clients.archivedAt), or(byTaxId, byName), excludeId ? ne(clients.id, excludeId) : undefined),
    )
    .orderBy(clients.name)
    .limit(10);
  return rows.map(({ taxIdMatch, accessible, ...row }) => ({
    ...row,
    match: taxIdMatch ? 'fiscalId' : 'name',
    accessible: Boolean(accessible),
  }));
}
