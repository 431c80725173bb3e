import type { CsvImportError } from '@velosi/contracts';
import type { Actor } from '../common/records/actor.js';
import { ValidationProblem } from '../common/validation.js';
import type { Assignments } from './assignment.js';

/**
 * The rules of a create for `assignedTo` (see Assignments), for the rows of a CSV import: checked
 * once per distinct list of assignees, each row naming others than allowed refused on the field.
 */
export async function assigneeErrors(
  assignments: Assignments,
  actor: Actor,
  rows: readonly { line: number; value: { assignedTo?: string[] | undefined } }[],
): Promise<CsvImportError[]> {
  const verdicts = new Map<string, string | null>();
  const errors: CsvImportError[] = [];
  for (const { line, value } of rows) {
    if (!value.assignedTo) continue;
    const key = value.assignedTo.join('|');
    if (!verdicts.has(key)) verdicts.set(key, await verdict(assignments, actor, value.assignedTo));
    const reason = verdicts.get(key);
    if (reason) errors.push({ line, field: 'assignedTo', reason });
  }
  return errors;
}

async function verdict(assignments: Assignments, actor: Actor, assignedTo: string[]): Promise<string | null> {
  try {
    await assignments.assertNew(actor.user, assignedTo);
    return null;
  } catch (error) {
    if (error instanceof ValidationProblem) return error.errors.map((e) => e.message).join('; ');
    throw error;
  }
}
