import { Inject, Injectable } from '@nestjs/common';
import { ANONYMOUS_ACTOR, AUTH_AUDIT_ENTITY, type AuthAuditAction } from '@velosi/contracts';
import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { AuditService } from '../../audit/audit.service.js';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import type { AccessTokenClaims } from '../token-verifier.js';
import type { TokenOwner } from './oidc-client.js';

/** Free text from the client or the IdP is bounded before it is stored. */
const clip = (value: string | undefined, max = 200): string | null => (value ? value.slice(0, max) : null);

/** The token's claims we record, without verifying it (the IdP has just issued or accepted it). */
function claimsOf(token: string): { sub?: string; username?: string; sid?: string } {
  try {
    const claims = decodeJwt(token);
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    return { sub: text(claims.sub), username: text(claims['preferred_username']), sid: text(claims['sid']) };
  } catch {
    return {};
  }
}

/** Sessions this process has already seen (most recent kept): a bound on memory, not a rule. */
const SEEN_SESSIONS_MAX = 10_000;

/**
 * Sign-in events in the audit log (entity `auth`): successful and refused logins, logouts. Never
 * the password; a refused login records the name typed and the IdP's reason, while the client gets
 * the same answer whether the user exists or not. Best effort: a sign-in is not refused because
 * its audit row could not be written (the failure is logged).
 */
@Injectable()
export class AuthAudit {
  /** Session ids already recorded or looked at by this process, oldest first. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly audit: AuditService,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  loginSucceeded(request: FastifyRequest, typed: string, accessToken: string): Promise<void> {
    const { sub, username, sid } = claimsOf(accessToken);
    const name = username ?? typed.toLowerCase();
    if (sid) this.remember(sid);
    return this.record(request, 'login', sub ?? ANONYMOUS_ACTOR, sub ?? name, {
      username: name,
      sessionId: sid ?? null,
      method: 'password',
    });
  }

  /**
   * The browser's sign-in happens at the identity provider, out of the API's sight: the first
   * request of an IdP session (its `sid`) is recorded as its `login` row, once across instances
   * (audit_log_login_session_idx). The password grant above records its own session first.
   */
  async sessionStarted(request: FastifyRequest, claims: AccessTokenClaims): Promise<void> {
    const sid = typeof claims['sid'] === 'string' ? claims['sid'] : undefined;
    if (!sid || this.seen.has(sid)) return;
    this.remember(sid);
    const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : null;
    const signedInAt = typeof claims['auth_time'] === 'number' ? claims['auth_time'] : null;
    await this.record(request, 'login', claims.sub, claims.sub, {
      username,
      sessionId: sid,
      method: 'identity_provider',
      signedInAt: signedInAt === null ? null : new Date(signedInAt * 1000).toISOString(),
    });
  }

  loginFailed(request: FastifyRequest, typed: string, reason: string): Promise<void> {
    const name = typed.trim().toLowerCase().slice(0, 255);
    return this.record(request, 'login_failed', ANONYMOUS_ACTOR, name, {
      username: name,
      reason: clip(reason),
    });
  }

  /** `via`: the access token (the browser's sign-out) or a refresh token (clients without a browser). */
  loggedOut(
    request: FastifyRequest,
    user: TokenOwner & { sub: string },
    via: 'access_token' | 'refresh_token',
  ): Promise<void> {
    return this.record(request, 'logout', user.sub, user.sub, {
      username: user.username ?? null,
      sessionId: user.sid ?? null,
      via,
    });
  }

  /** What a refresh token says of its owner when it is a JWT (Keycloak's are; opaque ones say nothing). */
  refreshTokenClaims(token: string): TokenOwner {
    const { sub, sid } = claimsOf(token);
    return { sub, sid };
  }

  private remember(sid: string): void {
    this.seen.add(sid);
    if (this.seen.size > SEEN_SESSIONS_MAX) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private async record(
    request: FastifyRequest,
    action: AuthAuditAction,
    actor: string,
    entityId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.audit.recordFirst(this.database.db, {
        actor,
        action,
        entity: AUTH_AUDIT_ENTITY,
        entityId,
        after: { ...details, ip: request.ip, userAgent: clip(request.headers['user-agent']) },
        requestId: request.id,
      });
    } catch (err) {
      this.logger.error({ err, action }, 'audit: sign-in event not recorded');
    }
  }
}
