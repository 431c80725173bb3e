import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { wordedCode, type FieldError } from '@velosi/contracts';
import type { z } from 'zod';

/**
 * A request whose body or query failed its contract schema; the problem filter lists `errors`.
 * An error worded by the contracts' FIELD_MESSAGES gets its `code`, wherever it was raised.
 */
export class ValidationProblem extends BadRequestException {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    super(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`);
    this.errors = errors.map((e) => (e.code ? e : { ...e, ...wordedCode(e.message) }));
  }
}

/** Flattens zod issues into one entry per offending field (unknown keys each get their own). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...at, key].join('.'),
        message: 'unknown field',
        code: 'unknownField',
      }));
    }
    return [{ field: at.join('.') || '(root)', message: issue.message, ...checkOf(issue) }];
  });
}

/** The FIELD_CHECKS code of one of zod's own issues (a bound, a length, a format), with its limit. */
function checkOf(issue: z.core.$ZodIssue): Pick<FieldError, 'code' | 'params'> | null {
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps no input in its issues: its message says when the field was missing.
      return issue.message.endsWith('received undefined') ? { code: 'required' } : null;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'maxLength', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'maxItems', params: { max } };
      return { code: issue.inclusive === false ? 'lessThan' : 'max', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min === 1 ? { code: 'required' } : { code: 'minLength', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'minItems', params: { min } };
      return { code: issue.inclusive === false ? 'greaterThan' : 'min', params: { min } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'email' };
      if (issue.format === 'url') return { code: 'url' };
      return null;
    default:
      return null;
  }
}

// PostgreSQL text cannot hold U+0000: refused here for every body and query, whatever the schema,
// so no contract can forget it and no NUL ever reaches SQL (where it would fail as a 500).
function nulFields(value: unknown, at: string[] = [], found: FieldError[] = []): FieldError[] {
  if (found.length >= MAX_NUL_ERRORS) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      found.push({ field: at.join('.') || '(root)', message: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulFields(item, [...at, String(index)], found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) {
        found.push({ field: [...at, key].join('.'), message: 'must not contain NUL characters' });
      } else nulFields(item, [...at, key], found);
    }
  }
  return found;
}
const MAX_NUL_ERRORS = 20;

/** Parses input with a contracts schema, throwing a ValidationProblem (400) when it does not fit. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulFields(input);
  if (nul.length > 0) throw new ValidationProblem(nul);
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
