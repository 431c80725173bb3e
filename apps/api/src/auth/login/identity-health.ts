import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import { HealthRegistry } from '../../health/health.registry.js';
import { TokenVerifier } from '../token-verifier.js';

/**
 * Readiness "identity": the IdP's signing keys are loaded (or can be downloaded now). Without them
 * no authenticated request can succeed, so an instance should not receive traffic.
 */
@Injectable()
export class IdentityHealth implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.health.register({
      name: 'identity',
      check: async () => {
        await this.verifier.ensureKeys();
      },
    });
  }

  // Warm the key cache so the first request does not pay for the download. Not awaited: the API
  // may start before Keycloak (compose, rolling deploys); readiness reports it until keys load.
  onApplicationBootstrap(): void {
    this.verifier.ensureKeys().then(
      (count) => this.logger.info({ jwks: this.verifier.jwksUrl.href, keys: count }, 'identity keys loaded'),
      (err: unknown) =>
        this.logger.warn({ jwks: this.verifier.jwksUrl.href, err }, 'identity keys not loaded yet'),
    );
  }
}
