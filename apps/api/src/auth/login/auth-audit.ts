import { Inject, Injectable } from '@nestjs/common';
import { ANONYMOUS_ACTOR, AUTH_AUDIT_ENTITY, type AuthAuditAction } from '@velosi/contracts';
import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { AuditService } from '../../audit/audit.service.js';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
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

/**
 * Sign-in events in the audit log (entity `auth`): successful and refused logins, logouts. Never
 * the password; a refused login records the name typed and the IdP's reason, while the client gets
 * the same answer whether the user exists or not. Best effort: a sign-in is not refused because
 * its audit row could not be written (the failure is logged).
 */
@Injectable()
export class AuthAudit {
  constructor(
    private readonly audit: AuditService,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  loginSucceeded(request: FastifyRequest, typed: string, accessToken: string): Promise<void> {
    const { sub, username, sid } = claimsOf(accessToken);
    const name = username ?? typed.toLowerCase();
    return this.record(request, 'login', sub ?? ANONYMOUS_ACTOR, sub ?? name, {
      username: name,
      sessionId: sid ?? null,
      method: 'password',
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

  private async record(
    request: FastifyRequest,
    action: AuthAuditAction,
    actor: string,
    entityId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.audit.record(this.database.db, {
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
