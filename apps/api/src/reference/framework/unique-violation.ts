import { FIELD_MESSAGES, type FieldError } from '@velosi/contracts';
import { ValidationProblem } from '../../common/validation.js';

/** The constraint a PostgreSQL unique violation (23505) names, looking through drizzle's wrapper. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23505')
      return typeof candidate.constraint === 'string' ? candidate.constraint : '';
    current = candidate.cause;
  }
  return undefined;
}

/**
 * Runs a write and turns a unique violation of one of `constraints` (index name → body field)
 * into a 400 naming the field ("already used"), the way any other invalid field is reported.
 */
export async function withUniqueFields<T>(
  constraints: Readonly<Record<string, string>>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolation(error);
    const field = constraint === undefined ? undefined : constraints[constraint];
    if (field === undefined) throw error;
    const errors: FieldError[] = [{ field, message: FIELD_MESSAGES.duplicate }];
    throw new ValidationProblem(errors);
  }
}
