import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_USER_KEY, type RequestWithUser } from './current-user.decorator.js';
import { AuthAudit } from './login/auth-audit.js';
import { TokenRevocations } from './revocation/token-revocations.js';
import { describeAccess, routeAccess } from './route-access.js';
import {
  InvalidTokenError,
  JwksUnavailableError,
  TokenVerifier,
  type AccessTokenClaims,
} from './token-verifier.js';

/** Request property holding the verified token's claims (for /api/auth/me). */
export const AUTH_CLAIMS_KEY = 'velosiClaims';
export type AuthenticatedRequest = FastifyRequest &
  RequestWithUser & { [AUTH_CLAIMS_KEY]?: AccessTokenClaims };

// One scheme, one token, base64url/JWT characters only: anything else is not worth parsing.
const BEARER = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)$/i;

/**
 * Global guard (APP_GUARD) enforcing each route's declared access (route-access.ts): `@Public()`
 * passes; anything else needs a valid access token; `@RequirePermission()` is then checked against
 * the permissions derived from the token's realm roles, and a route that declares nothing is
 * refused — a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(TokenRevocations) private readonly revocations: TokenRevocations,
    @Inject(AuthAudit) private readonly authAudit: AuthAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccess(this.reflector, context.getHandler(), context.getClass());
    if (access?.kind === 'public') return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Node keeps the first of several Authorization headers and drops the rest silently: a request
    // carrying two is ambiguous (which identity did the sender mean?) and is refused outright.
    if (authorizationHeaderCount(request.raw.rawHeaders) > 1) {
      throw new BadRequestException('Send one Authorization header, not several.');
    }
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      void reply.header('www-authenticate', 'Bearer realm="velosi-api"');
      throw new UnauthorizedException('A bearer access token is required.');
    }

    try {
      const { user, claims } = await this.verifier.verify(match[1]);
      // After the (cached) signature check, on every request: a logout or a disabled account
      // must hold from the next request on, not when the token expires.
      const sid = typeof claims['sid'] === 'string' ? claims['sid'] : undefined;
      if (await this.revocations.isRevoked({ sub: claims.sub, sid, iat: claims.iat })) {
        throw new InvalidTokenError('revoked (logout, disabled account or role change)');
      }
      request[AUTH_USER_KEY] = user;
      request[AUTH_CLAIMS_KEY] = claims;
      await this.authAudit.sessionStarted(request, claims);
    } catch (error) {
      if (error instanceof JwksUnavailableError) {
        request.log.error({ err: error.cause ?? error }, 'identity provider keys unavailable');
        throw new ServiceUnavailableException();
      }
      if (!(error instanceof InvalidTokenError)) throw error;
      // The reason helps an operator; the caller only learns that the token was refused.
      request.log.info({ reason: error.message }, 'access token rejected');
      void reply.header('www-authenticate', 'Bearer realm="velosi-api", error="invalid_token"');
      throw new UnauthorizedException('The access token is invalid or expired.');
    }

    if (!access) {
      request.log.error({ route: request.routeOptions.url }, describeAccess(access));
      throw new ForbiddenException('This route declares no access rule.');
    }
    if (access.kind === 'authenticated') return true;
    const user = request[AUTH_USER_KEY];
    const missing = access.permissions.filter((p) => !user?.permissions.includes(p));
    if (missing.length > 0) throw new ForbiddenException(`Missing permission: ${missing.join(', ')}.`);
    return true;
  }
}

function authorizationHeaderCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'authorization') count++;
  }
  return count;
}
