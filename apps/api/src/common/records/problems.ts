import { NotFoundException } from '@nestjs/common';
import { PROBLEM_TYPES } from '@velosi/contracts';
import { ProblemException } from '../problem-exception.js';

/**
 * 404 for a record that does not exist AND for one the caller may not see: the same answer for
 * both, so ids of other users' records cannot be probed (docs/rules.md, Visibility).
 */
export function recordNotFound(entity: string): NotFoundException {
  return new NotFoundException(`No ${entity} with this id.`);
}

/** 409 for a stale `version`: the client reloads (the problem says which version is current). */
export function versionConflict(currentVersion: number): ProblemException {
  return new ProblemException(409, PROBLEM_TYPES.conflict, 'modified by someone else', { currentVersion });
}

/**
 * 409 for a write that lost a race against another record's change (two contacts made primary at
 * once): no single current version to report, the client reloads.
 */
export function concurrentChange(detail: string): ProblemException {
  return new ProblemException(409, PROBLEM_TYPES.conflict, detail);
}

/**
 * 409 for an action the record's state forbids (convert a converted lead, edit a closed record);
 * `facts` let a client word the refusal in its own language (the invoice that bills a line).
 */
export function invalidState(detail: string, facts?: Record<string, unknown>): ProblemException {
  return new ProblemException(409, PROBLEM_TYPES.invalidState, detail, facts);
}

/**
 * True when `error` (or the driver error drizzle wrapped in `cause`) has the SQLSTATE `code`,
 * optionally on the named constraint/index. Both node-postgres and PGlite set `code`/`constraint`.
 */
function isSqlState(error: unknown, code: string, constraint?: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === code) {
      return !constraint || ('constraint' in e && e.constraint === constraint);
    }
  }
  return false;
}

/** Unique violation (23505). */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean =>
  isSqlState(error, '23505', constraint);

/** Foreign-key violation (23503): e.g. deleting a row another record still points at. */
export const isForeignKeyViolation = (error: unknown, constraint?: string): boolean =>
  isSqlState(error, '23503', constraint);
