import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { KeycloakAdminClient } from './keycloak-admin.client.js';
import { StaffProfileRepository } from './staff-profile.repository.js';

/**
 * The realm's Admin REST client (one service-account token cache for the whole app) and the staff
 * profiles beside it, provided once for user administration, the staff directory and the demo seed.
 */
@Module({
  imports: [AuthModule],
  providers: [KeycloakAdminClient, StaffProfileRepository],
  exports: [KeycloakAdminClient, StaffProfileRepository],
})
export class IdentityAdminModule {}
