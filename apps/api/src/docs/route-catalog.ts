import { RequestMethod, type Type } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
// The parameter-kind enum Nest's router reads the same metadata with (not re-exported at the root).
import { RouteParamtypes } from '@nestjs/common/internal';
import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { z } from 'zod';
import { routeAccess, type RouteAccess } from '../auth/route-access.js';
import { ZodValidationPipe } from '../common/validation.js';
import { DOCS_METADATA, type DocumentedResponse } from './api-docs.decorators.js';
import { isZodSchema } from './contract-schemas.js';

export interface RouteParam {
  name: string;
  /** The schema of the pipe that checks it; undefined = any string. */
  schema: z.ZodType | undefined;
  /** Checked by a ZodValidationPipe, so a bad value answers 400 (RecordIdPipe answers 404). */
  validated: boolean;
}

/** One HTTP route as Nest registers it, with what the docs need to know about it. */
export interface CatalogRoute {
  method: string;
  /** Nest/Fastify pattern, e.g. `/api/leads/:id`. */
  path: string;
  /** `LeadsController.get`: unique, stable, names the code that answers. */
  handler: string;
  /** Who may call it (`@Public`, `@Authenticated`, `@RequirePermission`); undefined = refused. */
  access: RouteAccess | undefined;
  hidden: boolean;
  /** Success status: `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
  status: number;
  pathParams: RouteParam[];
  body: z.ZodType | undefined;
  query: z.ZodType | undefined;
  /** Query parameters checked one by one (`@Query('name', pipe)`). */
  queryParams: RouteParam[];
  response: DocumentedResponse | undefined;
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * Every route of every controller, read from the metadata Nest's router itself reads (path and
 * method decorators, `@HttpCode`, the parameters' pipes) and from the guard's own metadata
 * (route-access.ts): the document describes what the API does, not a copy of it.
 */
export function catalogRoutes(
  discovery: DiscoveryService,
  reflector: Reflector,
  scanner: MetadataScanner,
): CatalogRoute[] {
  const routes = new Map<string, CatalogRoute>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller) continue;
    for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
      for (const route of routesOf(controller, methodName, reflector)) {
        routes.set(`${route.method} ${route.path}`, route);
      }
    }
  }
  return [...routes.values()];
}

function routesOf(controller: Type, methodName: string, reflector: Reflector): CatalogRoute[] {
  const handler: unknown = Reflect.get(controller.prototype, methodName);
  if (typeof handler !== 'function') return [];
  const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
  if (methodPaths === undefined) return [];
  const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
  const method = RequestMethod[requestMethod];
  const targets = [handler, controller];
  const args = Object.entries(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, RouteArg>,
  );
  const argsOf = (type: RouteParamtypes) =>
    args.filter(([key]) => key.split(':')[0] === String(type)).map(([, arg]) => arg);
  const whole = (type: RouteParamtypes) => schemaOfPipes(argsOf(type).find((a) => a.data === undefined));
  const named = (type: RouteParamtypes) =>
    argsOf(type)
      .filter((a) => typeof a.data === 'string')
      .map((a) => ({
        name: a.data as string,
        schema: schemaOfPipes(a),
        validated: (a.pipes ?? []).some((pipe) => pipe instanceof ZodValidationPipe),
      }));

  const controllerPaths = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
  return list(controllerPaths ?? '/').flatMap((prefix) =>
    list(methodPaths).map((suffix): CatalogRoute => {
      const path = joinPath(prefix, suffix);
      const params = named(RouteParamtypes.PARAM);
      return {
        method,
        path,
        handler: `${controller.name}.${methodName}`,
        access: routeAccess(reflector, handler, controller),
        hidden: reflector.getAllAndOverride<boolean | undefined>(DOCS_METADATA.hidden, targets) === true,
        status:
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (requestMethod === RequestMethod.POST ? 201 : 200),
        pathParams: pathParamNames(path).map(
          (name) => params.find((p) => p.name === name) ?? { name, schema: undefined, validated: false },
        ),
        body: whole(RouteParamtypes.BODY),
        query: whole(RouteParamtypes.QUERY),
        queryParams: named(RouteParamtypes.QUERY),
        response: reflector.get<DocumentedResponse | undefined>(
          DOCS_METADATA.response,
          handler as () => unknown,
        ),
      };
    }),
  );
}

/** The schema of the first pipe carrying one: a ZodValidationPipe instance or a pipe class's static. */
function schemaOfPipes(arg: RouteArg | undefined): z.ZodType | undefined {
  for (const pipe of arg?.pipes ?? []) {
    const schema: unknown = (pipe as { schema?: unknown }).schema;
    if (isZodSchema(schema)) return schema;
  }
  return undefined;
}

function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** `api/leads` + `:id` → `/api/leads/:id`, as Nest logs and Fastify matches it. */
function joinPath(prefix: string, suffix: string): string {
  const joined = `/${prefix}/${suffix}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}
