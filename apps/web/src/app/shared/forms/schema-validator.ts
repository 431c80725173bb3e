import type { ValidatorFn } from '@angular/forms';
import type { z } from 'zod';

/**
 * A validator from a contract's schema, so the form refuses what the API would (no pattern typed a
 * second time): an empty field passes (`required` says it), any other value the schema refuses
 * sets `key` (its `validation.<key>` text).
 */
export function schemaValidator(schema: z.ZodType, key: string): ValidatorFn {
  return (control) => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    return schema.safeParse(value).success ? null : { [key]: true };
  };
}
