import { ForbiddenException } from '@nestjs/common';
import {
  ADMIN_ONLY_CLIENT_FIELDS,
  clientFiscalIssues,
  type ClientFiscalState,
  type ClientUpdate,
  type VatSuspensionExpiring,
} from '@velosi/contracts';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { isAdmin, type AuthUser } from '../auth/auth-user.js';
import { businessToday } from '../common/business-day.js';
import type { Executor } from '../common/records/repository.js';
import { ValidationProblem } from '../common/validation.js';
import { clients, type ClientRow } from './clients.table.js';

/**
 * Credit limit and blocking are ADMIN's (docs/rules.md, "Clients' fiscal data"): anyone else
 * sending them — even unchanged — is refused, so the SPA leaves them out of other roles' bodies.
 */
export function assertAdminOnlyFields(user: AuthUser, body: Partial<Record<string, unknown>>): void {
  if (isAdmin(user)) return;
  const sent = ADMIN_ONLY_CLIENT_FIELDS.filter((f) => {
    const value = body[f];
    // A create's defaults (blocked: false, absent limit) are not a decision.
    return value !== undefined && value !== null && value !== false;
  });
  if (sent.length > 0) throw new ForbiddenException(`Only ADMIN sets ${sent.join(', ')}.`);
}

/**
 * The PATCH check on the locked row: the changes merged with the stored client must satisfy the
 * cross-field rules of the contract. The tax-id format is checked only when the tax id or the
 * country changes, so a client stored before the check existed can still be edited.
 */
export function checkMergedFiscal(before: ClientRow, changes: Omit<ClientUpdate, 'version'>): void {
  const merged: ClientFiscalState = {
    country: changes.country ?? before.country,
    fiscalId: changes.fiscalId !== undefined ? changes.fiscalId : before.fiscalId,
    vatRegime: (changes.vatRegime ?? before.vatRegime) as ClientFiscalState['vatRegime'],
    vatSuspensionNumber: pick(changes.vatSuspensionNumber, before.vatSuspensionNumber),
    vatSuspensionIssuedOn: pick(changes.vatSuspensionIssuedOn, before.vatSuspensionIssuedOn),
    vatSuspensionExpiresOn: pick(changes.vatSuspensionExpiresOn, before.vatSuspensionExpiresOn),
    blocked: changes.blocked ?? before.blocked,
    blockedReason: pick(changes.blockedReason, before.blockedReason),
  };
  const taxIdTouched = changes.fiscalId !== undefined || changes.country !== undefined;
  const issues = clientFiscalIssues(merged).filter((i) => i.field !== 'fiscalId' || taxIdTouched);
  if (issues.length > 0) throw new ValidationProblem(issues);
}

/** `undefined` (absent from the PATCH) keeps the stored value; `null` clears it. */
function pick<T>(change: T | null | undefined, stored: T | null): T | null {
  return change === undefined ? stored : change;
}

const MS_PER_DAY = 86_400_000;

/**
 * Live suspended clients whose authorisation expires within `days` of today in Tunis, expired
 * ones included (still marked suspended, they are the most urgent). FINANCE and ADMIN see every
 * client, so no visibility filter applies (permission `clients:finance`).
 */
export async function expiringSuspensions(
  executor: Executor,
  days: number,
  now: Date = new Date(),
): Promise<VatSuspensionExpiring[]> {
  const today = businessToday(now);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
  const rows = await executor
    .select({
      clientId: clients.id,
      name: clients.name,
      fiscalId: clients.fiscalId,
      vatSuspensionNumber: sql<string>`${clients.vatSuspensionNumber}`,
      vatSuspensionIssuedOn: sql<string>`${clients.vatSuspensionIssuedOn}`,
      vatSuspensionExpiresOn: sql<string>`${clients.vatSuspensionExpiresOn}`,
    })
    .from(clients)
    .where(
      and(
        isNull(clients.archivedAt),
        eq(clients.vatRegime, 'suspended'),
        lte(clients.vatSuspensionExpiresOn, horizon),
      ),
    )
    .orderBy(asc(clients.vatSuspensionExpiresOn), asc(clients.name))
    .limit(100);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return rows.map((row) => ({
    ...row,
    daysLeft: Math.round((Date.parse(`${row.vatSuspensionExpiresOn}T00:00:00Z`) - todayMs) / MS_PER_DAY),
  }));
}
