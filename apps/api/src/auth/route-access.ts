import { SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Permission } from '@velosi/contracts';

/**
 * Who may call a route — declared once per route (or controller) with exactly one of
 * `@Public()`, `@Authenticated()` or `@RequirePermission(...)`. The global AuthGuard enforces it,
 * the OpenAPI document prints it (`x-permission`), and docs/docs.test.ts and the generated role
 * matrix (test/security/role-matrix.test.ts) fail when a route declares none. A route without a
 * declaration is refused (403) — deny by default.
 */
export type RouteAccess =
  /** No token needed (health, login, the customer's quote link…). */
  | { readonly kind: 'public' }
  /** Any signed-in user of the realm, whatever their roles (e.g. `GET /api/auth/me`). */
  | { readonly kind: 'authenticated' }
  /** A signed-in user holding EVERY listed permission (contracts roles-map). */
  | { readonly kind: 'permission'; readonly permissions: readonly Permission[] };

/**
 * The one metadata key of the rule above (value: RouteAccess). A method-level declaration
 * overrides a class-level one. Exported for tools that read the rules (OpenAPI, role matrices).
 */
export const ROUTE_ACCESS_KEY = 'velosi:auth:access';

const declare = (access: RouteAccess): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_ACCESS_KEY, access);

/**
 * Opts a route (or a whole controller) out of authentication. Use sparingly: health, info,
 * login/refresh/logout, the SPA config, the API docs and the public quote links.
 */
export const Public = (): MethodDecorator & ClassDecorator => declare({ kind: 'public' });

/** Any authenticated user may call the route: says so explicitly, where no permission applies. */
export const Authenticated = (): MethodDecorator & ClassDecorator => declare({ kind: 'authenticated' });

/**
 * Requires every listed permission (derived from realm roles through the contracts map) on top of
 * authentication. Missing one answers 403 problem+json.
 */
export const RequirePermission = (
  permission: Permission,
  ...more: Permission[]
): MethodDecorator & ClassDecorator => declare({ kind: 'permission', permissions: [permission, ...more] });

/** The rule of a route: the handler's declaration, else its controller's; undefined = none. */
export function routeAccess(
  reflector: Reflector,
  handler: object,
  controller: object,
): RouteAccess | undefined {
  return reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [
    handler as () => unknown,
    controller as () => unknown,
  ]);
}

/** One line saying who may call the route (OpenAPI descriptions, error messages, tests). */
export function describeAccess(access: RouteAccess | undefined): string {
  switch (access?.kind) {
    case 'public':
      return 'Public: no token needed.';
    case 'authenticated':
      return 'Any signed-in user.';
    case 'permission':
      return `Requires ${access.permissions.join(', ')}.`;
    default:
      return 'Declares no access rule: refused.';
  }
}
