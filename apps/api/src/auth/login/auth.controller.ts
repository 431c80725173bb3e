import {
  BadGatewayException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  LoginRequestSchema,
  RefreshRequestSchema,
  TokenResponseSchema,
  VerifyResponseSchema,
  type LoginRequest,
  type RefreshRequest,
  type TokenResponse,
  type VerifyResponse,
} from '@velosi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';

import { AuthAudit } from './auth-audit.js';
import type { AuthUser } from '../auth-user.js';
import { AUTH_CLAIMS_KEY, type AuthenticatedRequest } from '../auth.guard.js';
import { CurrentUser } from '../current-user.decorator.js';
import { LoginLimiter } from './login-limiter.js';
import { GrantRejectedError, IdpProtocolError, IdpUnavailableError, OidcClient } from './oidc-client.js';
import { TokenRevocations } from '../revocation/token-revocations.js';
import { Authenticated, Public } from '../route-access.js';

// One message for wrong password, unknown user, disabled or locked account: telling them apart
// would let anyone enumerate accounts.
const BAD_CREDENTIALS = 'Invalid username or password.';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly oidc: OidcClient,
    private readonly limiter: LoginLimiter,
    private readonly revocations: TokenRevocations,
    private readonly authAudit: AuthAudit,
  ) {}

  /** Password grant done server-side with the velosi_auth secret (for clients without a browser flow). */
  @Public()
  @Post('login')
  @Returns(TokenResponseSchema)
  @HttpCode(200)
  async login(
    @Body(new ZodValidationPipe(LoginRequestSchema)) body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    const wait = await this.limiter.reserve(request.ip, body.username);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new HttpException(
        'Too many failed login attempts. Try again later.',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    try {
      const tokens = await this.oidc.passwordGrant(body.username, body.password);
      await this.limiter.succeeded(request.ip, body.username);
      await this.authAudit.loginSucceeded(request, body.username, tokens.access_token);
      void reply.header('cache-control', 'no-store');
      return tokens;
    } catch (error) {
      if (error instanceof GrantRejectedError) {
        request.log.info({ reason: error.description }, 'login refused by the identity provider');
        await this.authAudit.loginFailed(request, body.username, error.description);
        throw new UnauthorizedException(BAD_CREDENTIALS);
      }
      await this.limiter.undecided(request.ip, body.username);
      throw idpFailure(error, request);
    }
  }

  @Public()
  @Post('refresh')
  @Returns(TokenResponseSchema)
  @HttpCode(200)
  async refresh(
    @Body(new ZodValidationPipe(RefreshRequestSchema)) body: RefreshRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    try {
      const tokens = await this.oidc.refreshGrant(body.refresh_token);
      void reply.header('cache-control', 'no-store');
      return tokens;
    } catch (error) {
      if (error instanceof GrantRejectedError) {
        request.log.info({ reason: error.description }, 'refresh refused by the identity provider');
        throw new UnauthorizedException('The refresh token is invalid or expired.');
      }
      throw idpFailure(error, request);
    }
  }

  /** Ends the IdP session of the refresh token. Idempotent: an already dead token also answers 204. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Body(new ZodValidationPipe(RefreshRequestSchema)) body: RefreshRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const claims = this.authAudit.refreshTokenClaims(body.refresh_token);
    // For the audit row only: an opaque token is asked about before it dies (best effort).
    const owner = claims.sub ? claims : await this.oidc.tokenOwner(body.refresh_token).catch(() => undefined);
    try {
      await this.oidc.logout(body.refresh_token);
    } catch (error) {
      if (error instanceof GrantRejectedError) return;
      throw idpFailure(error, request);
    }
    // The IdP accepted the token, so its session id is genuine: that session's access tokens stop
    // here too (Keycloak's refresh tokens are JWTs; an opaque one names no session to revoke).
    if (claims.sid) await this.revocations.revokeSession(claims.sid);
    if (owner?.sub) await this.authAudit.loggedOut(request, { ...owner, sub: owner.sub }, 'refresh_token');
  }

  /**
   * The browser's sign-out calls this first, then ends the IdP session itself: the access token
   * it held (and any copy of it) is refused from now on, on every instance.
   */
  @Delete('session')
  @Authenticated()
  @HttpCode(204)
  async revokeSession(@Req() request: AuthenticatedRequest, @CurrentUser() user: AuthUser): Promise<void> {
    const claim = request[AUTH_CLAIMS_KEY]?.['sid'];
    const sid = typeof claim === 'string' && claim ? claim : undefined;
    if (sid) await this.revocations.revokeSession(sid);
    else await this.revocations.revokeUser(user.sub);
    await this.authAudit.loggedOut(request, { sub: user.sub, username: user.username, sid }, 'access_token');
  }

  @Get('verify')
  @Authenticated()
  @Returns(VerifyResponseSchema)
  verify(@CurrentUser() user: AuthUser): VerifyResponse {
    return { active: true, sub: user.sub, username: user.username, roles: user.roles, exp: user.exp };
  }
}

/** IdP down → 503 (retry later); IdP answering nonsense → 502, details in the log only. */
function idpFailure(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof IdpUnavailableError) {
    request.log.error({ err: error.cause ?? error }, 'identity provider unreachable');
    return new ServiceUnavailableException();
  }
  if (error instanceof IdpProtocolError) {
    request.log.error({ status: error.status, body: error.body }, `identity provider: ${error.message}`);
    return new BadGatewayException();
  }
  return error;
}
