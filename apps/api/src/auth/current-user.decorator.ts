import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user.js';

/** Request property where the guard stores the verified caller. */
export const AUTH_USER_KEY = 'velosiUser';

export interface RequestWithUser {
  [AUTH_USER_KEY]?: AuthUser;
}

/**
 * Injects the verified caller. Only meaningful on non-public routes: the guard runs first and
 * rejects unauthenticated requests, so the value is always present there.
 */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<RequestWithUser>();
  const user = request[AUTH_USER_KEY];
  // Reaching this means a route used @CurrentUser() together with @Public(): a programming error.
  if (!user) throw new Error('@CurrentUser() used on a route without an authenticated user');
  return user;
});
