import fc from 'fast-check';

/** A JSON Schema node as zod's `toJSONSchema` writes it (the subset the fuzzer reads). */
type Schema = Record<string, unknown>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Values that have broken parsers, ORMs and numeric columns elsewhere: control characters, SQL
// and path fragments, numbers beyond float or column range, impossible dates, prototype keys.
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  '\uFEFF',
  '\uD800',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '"; drop table leads; --',
  '../../etc/passwd',
  '%00',
  '${7*7}',
  '1e309',
  '-1',
  '0',
  '-0',
  '9'.repeat(40),
  '0.' + '1'.repeat(40),
  '450,5',
  '1 000,50',
  'NaN',
  'Infinity',
  '2026-02-30',
  '2026-12-15T25:61:00Z',
  '15/12/2026',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
  'é'.repeat(300),
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.uuid(),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, -0.001, 1e15, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)),
);

/** Anything JSON can carry, small and nested, with the nasty values above over-represented. */
export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

function stringFor(schema: Schema): fc.Arbitrary<Json> {
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 60;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    default:
      if (typeof schema.pattern === 'string') {
        const matching = patternArbitrary(schema.pattern, max);
        if (matching) return matching;
      }
      if (typeof schema.pattern === 'string' && /\\d|\[0-9\]/.test(schema.pattern)) {
        // Decimal-looking patterns (amounts, rates): plausible numbers as text, large ones included.
        return fc
          .tuple(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 999_999 }))
          .map(([int, frac]) => `${int}.${frac}`);
      }
      return fc.string({ minLength: min, maxLength: Math.min(max, 200) });
  }
}

/** Strings matching a contract's pattern (fast-check reads the regex), when it can be compiled. */
function patternArbitrary(pattern: string, max: number): fc.Arbitrary<Json> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern, 'u')).filter((v) => v.length <= max);
  } catch {
    return undefined;
  }
}

function numberFor(schema: Schema, integer: boolean): fc.Arbitrary<Json> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1e6;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e9;
  return integer
    ? fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31 - 1)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values that follow `schema` most of the time — so requests get past validation into the
 * services and the database — and, when `mix` is on, a hostile value one time in five at any depth.
 * With `mix` off every node follows the schema (patterns included), so whole bodies are valid often
 * enough to reach the writes.
 */
export function fromSchema(schema: Schema, depth = 0, mix = true): fc.Arbitrary<Json> {
  const valid = validFor(schema, depth, mix);
  if (!mix || depth > 4) return valid;
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileJson });
}

function validFor(schema: Schema, depth: number, mix: boolean): fc.Arbitrary<Json> {
  if ('const' in schema) return fc.constant(schema.const as Json);
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return fc.constantFrom(...(schema.enum as Json[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1, mix)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return fromSchema(schema.allOf[0] as Schema, depth, mix);
  const type = Array.isArray(schema.type) ? (schema.type[0] as unknown) : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items as Schema | undefined) ?? {};
      const max = typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, 5) : 5;
      return fc.array(fromSchema(items, depth + 1, mix), { maxLength: max });
    }
    case 'object':
      return objectFor(schema, depth, mix);
    default:
      return mix ? hostileJson : fc.string({ maxLength: 20 });
  }
}

function objectFor(schema: Schema, depth: number, mix: boolean): fc.Arbitrary<Json> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const keys = Object.keys(properties);
  if (keys.length === 0) return fc.dictionary(nastyString, hostileJson, { maxKeys: 3 });
  const model = Object.fromEntries(
    keys.map((key) => [key, fromSchema(properties[key] ?? {}, depth + 1, mix)]),
  );
  const requiredKeys = keys.filter((key) => required.has(key));
  if (!mix) return fc.record(model, { requiredKeys }) as fc.Arbitrary<Json>;
  return fc
    .tuple(
      fc.record(model, { requiredKeys }),
      // Now and then a key the contract does not know (mass assignment: id, version, ownerId…).
      fc.option(
        fc.dictionary(
          fc.constantFrom('id', 'version', 'createdBy', 'ownerId', 'roles', 'extra'),
          hostileJson,
          { maxKeys: 2 },
        ),
        { freq: 5 },
      ),
    )
    .map(([known, extra]) => ({ ...(extra ?? {}), ...known }) as Json);
}

/** Query-string values: what the schema expects as text, or hostile text (queries are strings). */
export function queryFrom(schema: Schema): fc.Arbitrary<Record<string, string>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [
      key,
      fc.oneof(
        fromSchema(property, 1).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
        nastyString,
        key === 'sort'
          ? fc.constantFrom('name:asc', 'createdAt:desc', 'x;drop', 'name:sideways', ':')
          : nastyString,
      ),
    ]),
  );
  return fc
    .record(model, { requiredKeys: [] })
    .map(
      (query) =>
        Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
    );
}
