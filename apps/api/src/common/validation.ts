import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { FieldError } from '@velosi/contracts';
import type { z } from 'zod';

/** A request whose body or query failed its contract schema; the problem filter lists `errors`. */
export class ValidationProblem extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`);
  }
}

/** Flattens zod issues into one entry per offending field (unknown keys each get their own). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'unknown field' }));
    }
    return [{ field: at.join('.') || '(root)', message: issue.message }];
  });
}

/** Parses input with a contracts schema, throwing a ValidationProblem (400) when it does not fit. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationProblem(fieldErrors(result.error));
  return result.data;
}

/**
 * `@Body(new ZodValidationPipe(CreateLeadSchema))` / `@Query(new ZodValidationPipe(ListQuerySchema))`.
 * Body schemas should be strict objects (`z.strictObject` / `.strict()`) so unknown fields are
 * rejected rather than silently dropped (no mass assignment).
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  /** Public so the OpenAPI document describes bodies and queries with the very schema that checks them. */
  constructor(readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseWith(this.schema, value);
  }
}
