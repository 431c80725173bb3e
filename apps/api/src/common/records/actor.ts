import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { AUTH_USER_KEY, type RequestWithUser } from '../../auth/current-user.decorator.js';

/**
 * Whose visibility a read or write is checked against: `user` (default) — the rows the user's
 * roles and assignments reach; `system` — every row, for work no user's visibility decides (a
 * customer accepting through a public link, the demo seed, the expiry job, the consequences of an
 * accepted quote). Passed to the repository explicitly (FindOptions/UpdateOptions `scope`).
 */
export type AccessScope = 'user' | 'system';

/** Who asks for a write, and the request id the audit entry is tied to (log ↔ audit). */
export interface Actor {
  user: AuthUser;
  requestId?: string;
  /** `system` only for the actors of systemActor() and onBehalfOfSystem(). */
  scope?: AccessScope;
}

/**
 * The owner columns of a new record: the body's assignees, or its creator when it names none
 * (visibility follows assignment, so an unassigned record would be lost to everyone but ADMIN).
 */
export function ownedBy(actor: Actor, assignedTo: string[] | undefined) {
  return { assignedTo: assignedTo ?? [actor.user.sub], createdBy: actor.user.sub };
}

/**
 * An actor no signed-in user stands behind, audited under `name`: it holds no role and no
 * permission (it passes no guard), and its repository calls use the `system` scope.
 */
export function systemActor(name: string): Actor {
  return {
    user: {
      sub: name,
      username: name,
      roles: [],
      permissions: [],
      email: null,
      name: null,
      exp: 0,
      token: '',
    },
    scope: 'system',
  };
}

/** The actor of seeds and jobs no user asked for: audited as `system`. */
export const SYSTEM_ACTOR: Actor = systemActor('system');

/**
 * The same actor (the audit still names them) doing work their own visibility does not decide,
 * e.g. the consequences of an accepted quote on a prospect assigned to someone else.
 */
export function onBehalfOfSystem(actor: Actor): Actor {
  return { ...actor, scope: 'system' };
}

/**
 * `@CurrentActor() actor: Actor` on write routes: the verified caller (set by the auth guard, like
 * `@CurrentUser()`) plus the request id.
 */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
  const user = request[AUTH_USER_KEY];
  if (!user) throw new Error('@CurrentActor() used on a route without an authenticated user');
  return { user, requestId: request.id };
});
