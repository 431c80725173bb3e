import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { HealthModule } from '../health/health.module.js';
import { AuthAudit } from './login/auth-audit.js';
import { AuthController } from './login/auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { IdentityHealth } from './login/identity-health.js';
import { LoginLimiter } from './login/login-limiter.js';
import { OidcClient } from './login/oidc-client.js';
import { TokenRevocations } from './revocation/token-revocations.js';
import { TokenVerifier } from './token-verifier.js';

/**
 * Authentication for the whole API: the global guard (deny by default), token verification against
 * the IdP's JWKS, revocations (logout, disabled users), /api/auth/* and the "identity" readiness
 * check.
 */
@Module({
  imports: [HealthModule, AuditModule],
  controllers: [AuthController],
  providers: [
    { provide: TokenVerifier, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new TokenVerifier(c.auth) },
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthAudit,
    IdentityHealth,
    LoginLimiter,
    OidcClient,
    TokenRevocations,
  ],
  exports: [OidcClient, TokenVerifier, TokenRevocations],
})
export class AuthModule {}
