import * as contracts from '@velosi/contracts';
import { z } from 'zod';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/**
 * Requests are described as the client sends them (`io: 'input'`: defaults make fields optional,
 * coerced query numbers, the raw side of transforms); answers as the API produces them (`output`).
 */
export type SchemaDirection = 'input' | 'output';

export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/**
 * The contract's JSON Schema. Unrepresentable parts throw on purpose: the docs test then fails
 * instead of the document silently promising "anything" for a field.
 */
export function jsonSchemaOf(schema: z.ZodType, io: SchemaDirection): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return json;
}

/**
 * Contract → component name, from the names `@velosi/contracts` exports (`LeadCreateSchema` →
 * `LeadCreate`), so the document speaks the same words as the code. A schema exported under two
 * names (an alias such as `QuoteReviseSchema = VersionedActionSchema`) takes the alphabetically
 * last one: deterministic, and it happens to be the generic name for today's aliases.
 */
export function contractNames(): ReadonlyMap<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  for (const [exported, value] of Object.entries(contracts)) {
    if (!exported.endsWith('Schema') || !isZodSchema(value)) continue;
    const name = exported.slice(0, -'Schema'.length);
    const current = names.get(value);
    if (current === undefined || name > current) names.set(value, name);
  }
  return names;
}

/** Unwraps `.optional()` / `.default()` / `.nullable()` to the schema that does the work. */
export function innerSchema(schema: z.ZodType): z.ZodType {
  let current: z.core.$ZodType = schema;
  for (;;) {
    const def: z.core.$ZodTypeDef & { innerType?: z.core.$ZodType } = current._zod.def;
    if (!['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type) || !def.innerType)
      return current as z.ZodType;
    current = def.innerType;
  }
}

/**
 * A query filter taking several values (`queryListSchema`: `status=a&status=b` or `status=a,b`)
 * is a pipe from "string or strings" to an array of allowed values. Its input side would only
 * say "strings", so such a parameter is described by the array it becomes, enum included.
 */
export function queryListItems(schema: z.ZodType): z.ZodType | undefined {
  const def = innerSchema(schema)._zod.def;
  if (def.type !== 'pipe') return undefined;
  const out = (def as z.core.$ZodPipeDef).out;
  return out._zod.def.type === 'array' ? (out as z.ZodType) : undefined;
}

/**
 * The `sort` fields a query accepts. The allowlist lives inside the sort schema's transform, which
 * JSON Schema cannot show, so the candidates (the listed item's properties) are run through the
 * very schema that validates requests.
 */
export function acceptedSortFields(sort: z.ZodType, candidates: readonly string[]): string[] {
  return candidates.filter((field) => sort.safeParse(`${field}:asc`).success);
}
