import { ConflictProblemSchema, ProblemSchema } from '@velosi/contracts';
import { z } from 'zod';
import { describeAccess } from '../auth/route-access.js';
import type { DocumentedResponse } from './api-docs.decorators.js';
import {
  acceptedSortFields,
  contractNames,
  innerSchema,
  jsonSchemaOf,
  queryListItems,
  type JsonSchema,
  type SchemaDirection,
} from './contract-schemas.js';
import type { CatalogRoute, RouteParam } from './route-catalog.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

type Json = Record<string, unknown>;

const PROBLEM_JSON = 'application/problem+json';
const BEARER = 'bearer';

/** The error answers every operation may give, all RFC 9457 problems (see ProblemFilter). */
const PROBLEM_RESPONSES: Record<string, { status: string; description: string; conflict?: boolean }> = {
  BadRequest: {
    status: '400',
    description: 'The body or query does not fit the contract; `errors` lists each field.',
  },
  Unauthorized: { status: '401', description: 'No bearer token, or an invalid or expired one.' },
  Forbidden: { status: '403', description: "The user's roles lack a permission this operation requires." },
  NotFound: { status: '404', description: 'No such record, or one this user may not see.' },
  Conflict: {
    status: '409',
    description: 'The record changed since it was read (`currentVersion`), or its state forbids the action.',
    conflict: true,
  },
  Problem: { status: 'default', description: 'Any other error, as problem details.' },
};

/**
 * Builds the OpenAPI 3.1 document of the given routes. Schemas come from the contracts the routes
 * validate with; a contract with an exported name becomes a component under that name.
 */
export function buildOpenApiDocument(routes: readonly CatalogRoute[], info: OpenApiInfo): Json {
  const components = new SchemaComponents(routes, [ProblemSchema, ConflictProblemSchema]);
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route, components);
  }
  const responses = Object.fromEntries(
    Object.entries(PROBLEM_RESPONSES).map(([name, r]) => [
      name,
      {
        description: r.description,
        content: {
          [PROBLEM_JSON]: {
            schema: components.ref(r.conflict ? ConflictProblemSchema : ProblemSchema, 'output'),
          },
        },
      },
    ]),
  );
  return {
    // No jsonSchemaDialect: OpenAPI 3.1's default dialect is draft 2020-12 plus its own keywords,
    // which is what zod emits; Swagger UI only supports the default.
    openapi: '3.1.0',
    info,
    security: [{ [BEARER]: [] }],
    paths,
    components: {
      // Sorted so the document reads (and diffs) the same whatever order modules register in.
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
      responses,
      securitySchemes: {
        [BEARER]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Access token of the ERP_Velosi realm (Keycloak), audience `velosi-api`.',
        },
      },
    },
  };
}

function operation(route: CatalogRoute, components: SchemaComponents): Json {
  const { access } = route;
  // Versioned writes (optimistic locking) carry `version` in their body or query.
  const versioned = [route.body, route.query].some((s) => s !== undefined && hasProperty(s, 'version'));
  const errors: string[] = [
    ...(route.body || route.query || route.queryParams.length > 0 || route.pathParams.some((p) => p.validated)
      ? ['BadRequest']
      : []),
    ...(access?.kind === 'public' ? [] : ['Unauthorized']),
    ...(access?.kind === 'permission' ? ['Forbidden'] : []),
    ...(route.pathParams.length > 0 ? ['NotFound'] : []),
    ...(versioned ? ['Conflict'] : []),
    'Problem',
  ];
  return {
    operationId: route.handler.replace(/\W/g, '_'),
    tags: [tagOf(route.path)],
    description: describeAccess(access),
    // Machine-readable access rule: `public`, `authenticated`, or the permissions required.
    'x-permission': access?.kind === 'permission' ? access.permissions : (access?.kind ?? 'none'),
    ...(access?.kind === 'public' ? { security: [] } : {}),
    parameters: [
      ...route.pathParams.map((p) => parameter(p, 'path', true, components)),
      ...queryParameters(route, components),
      ...route.queryParams.map((p) => parameter(p, 'query', false, components)),
    ],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: components.ref(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(route.status)]: success(route.status, route.response, components),
      ...Object.fromEntries(
        errors.map((name) => [PROBLEM_RESPONSES[name]?.status, { $ref: `#/components/responses/${name}` }]),
      ),
    },
  };
}

function success(
  status: number,
  response: DocumentedResponse | undefined,
  components: SchemaComponents,
): Json {
  if (status === 204) return { description: 'Done; no body.' };
  if (response?.kind === 'file')
    return { description: response.description, content: { [response.mediaType]: {} } };
  if (response?.kind === 'json') {
    return {
      description: 'Success.',
      content: { 'application/json': { schema: components.ref(response.schema, 'output') } },
    };
  }
  return { description: 'Success (body not described).' };
}

/** `/api/leads/:id` → `leads`; `/health/live` → `health`. */
function tagOf(path: string): string {
  const segments = path.split('/').filter((s) => s !== '' && s !== 'api');
  return segments[0] ?? 'root';
}

function parameter(
  param: RouteParam,
  where: 'path' | 'query',
  required: boolean,
  components: SchemaComponents,
): Json {
  return {
    name: param.name,
    in: where,
    required,
    schema: param.schema ? components.ref(param.schema, 'input') : { type: 'string' },
  };
}

/** The object schema of `@Query(pipe)` spelled out as one parameter per property. */
function queryParameters(route: CatalogRoute, components: SchemaComponents): Json[] {
  const query = route.query && innerSchema(route.query);
  if (!(query instanceof z.ZodObject)) return [];
  const required = new Set((jsonSchemaOf(query, 'input').required as string[] | undefined) ?? []);
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const items = queryListItems(field);
    const sortFields = name === 'sort' ? acceptedSortFields(field, listedProperties(route.response)) : [];
    const description = items
      ? 'Several values: repeat the parameter (`a=x&a=y`) or separate them with commas (`a=x,y`).'
      : sortFields.length > 0
        ? `\`field:asc\` or \`field:desc\`; fields: ${sortFields.join(', ')}.`
        : undefined;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(description ? { description } : {}),
      schema: components.ref(items ?? field, 'input'),
      ...(items ? { style: 'form', explode: true } : {}),
    };
  });
}

/** Property names of the items of a `{ items: [...] }` page answer (sort field candidates). */
function listedProperties(response: DocumentedResponse | undefined): string[] {
  if (response?.kind !== 'json') return [];
  const items = (jsonSchemaOf(response.schema, 'output').properties as Json | undefined)?.items as
    Json | undefined;
  const props = (items?.items as Json | undefined)?.properties as Json | undefined;
  return Object.keys(props ?? {});
}

function hasProperty(schema: z.ZodType, name: string): boolean {
  const props = jsonSchemaOf(schema, 'input').properties as Json | undefined;
  return props !== undefined && name in props;
}

/**
 * `components.schemas`: each contract with an exported name is described once and referenced.
 * A contract used both in requests and answers whose two sides differ (defaults, transforms) gets
 * `Name` for the answer and `NameInput` for the request; unnamed schemas are inlined.
 */
class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly names = contractNames();
  private readonly inputNamesTaken = new Set<z.ZodType>();

  /** `answers`: contracts documented as answers outside the routes' own (the problem bodies). */
  constructor(routes: readonly CatalogRoute[], answers: readonly z.ZodType[]) {
    // Which contracts are also answers decides the request-side name up front, whatever the
    // order routes are documented in.
    for (const schema of answers) this.inputNamesTaken.add(schema);
    for (const route of routes) {
      if (route.response?.kind === 'json') this.inputNamesTaken.add(route.response.schema);
    }
  }

  ref(schema: z.ZodType, io: SchemaDirection): JsonSchema {
    const name = this.names.get(schema);
    if (name === undefined) return jsonSchemaOf(schema, io);
    const json = jsonSchemaOf(schema, io);
    const key =
      io === 'input' &&
      this.inputNamesTaken.has(schema) &&
      !sameJson(json, () => jsonSchemaOf(schema, 'output'))
        ? `${name}Input`
        : name;
    this.schemas[key] ??= json;
    return { $ref: `#/components/schemas/${key}` };
  }
}

function sameJson(a: JsonSchema, b: () => JsonSchema): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b());
  } catch {
    return false; // the output side is unrepresentable (a transform): not the same
  }
}
