import { Inject, Injectable, Module, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { clients } from '../clients/clients.table.js';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { leads } from '../leads/leads.table.js';
import { IdentityAdminModule } from '../users/identity-admin.module.js';
import { KeycloakAdminClient } from '../users/keycloak-admin.client.js';
import { DEMO_COMMERCIALS } from './demo-data.js';
import { demoSeedSteps } from './demo-steps.js';
import { resolveDemoCommercials } from './demo-users.js';
import { demoRepositories, seedDemo, type DemoSeedResult } from './seed.js';

/**
 * The first start of a development install seeds the demo: only on an embedded (PGlite) database
 * kept on disk (`memory://` is for tests), never with NODE_ENV=production.
 */
export function shouldAutoSeed(config: AppConfig): boolean {
  const { database } = config;
  return (
    config.nodeEnv !== 'production' && database.kind === 'pglite' && !database.dataDir.startsWith('memory://')
  );
}

@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  /** Set when the start-up seeded an empty embedded database. */
  seededAtStart: DemoSeedResult | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly admin: KeycloakAdminClient,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Awaited before the app answers (readiness), so the first page a user opens has data. */
  async onApplicationBootstrap(): Promise<void> {
    if (!shouldAutoSeed(this.config) || !(await this.isEmpty())) return;
    try {
      this.seededAtStart = await this.seed();
      this.logger.info({ demo: this.seededAtStart.counts }, 'empty embedded database: demo data seeded');
    } catch (error) {
      // A dev install without a reachable IdP still starts; the next start tries again.
      this.logger.warn({ err: error }, 'demo data not seeded');
    }
  }

  /** `npm run seed:demo` and the first start: resolves the demo users, then seeds (idempotent). */
  async seed(): Promise<DemoSeedResult> {
    if (this.config.nodeEnv === 'production') throw new Error('the demo data is never seeded in production');
    const commercials = await resolveDemoCommercials(this.admin, DEMO_COMMERCIALS);
    if (commercials.length === 0) throw new Error(`none of ${DEMO_COMMERCIALS.join(', ')} exists in the IdP`);
    // The business modules' repository providers, wherever they are registered.
    const get = <T>(type: Type<T>): T => this.moduleRef.get(type, { strict: false });
    return seedDemo(demoRepositories(get), commercials, { steps: demoSeedSteps(get) });
  }

  private async isEmpty(): Promise<boolean> {
    const { db } = this.database;
    const [client] = await db.select({ id: clients.id }).from(clients).limit(1);
    const [lead] = await db.select({ id: leads.id }).from(leads).limit(1);
    return !client && !lead;
  }
}

@Module({
  imports: [AuthModule, IdentityAdminModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
