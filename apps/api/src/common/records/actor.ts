import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { AUTH_USER_KEY, type RequestWithUser } from '../../auth/current-user.decorator.js';

/** Who asks for a write, and the request id the audit entry is tied to (log ↔ audit). */
export interface Actor {
  user: AuthUser;
  requestId?: string;
}

/**
 * The owner columns of a new record: the body's assignees, or its creator when it names none
 * (visibility follows assignment, so an unassigned record would be lost to everyone but ADMIN).
 */
export function ownedBy(actor: Actor, assignedTo: string[] | undefined) {
  return { assignedTo: assignedTo ?? [actor.user.sub], createdBy: actor.user.sub };
}

/** The actor of seeds and jobs no user asked for: audited as `system`, sees everything. */
export const SYSTEM_ACTOR: Actor = {
  user: {
    sub: 'system',
    username: 'system',
    roles: ['ADMIN'],
    permissions: [],
    email: null,
    name: null,
    exp: 0,
    token: '',
  },
};

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
