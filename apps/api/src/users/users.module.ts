import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { KeycloakAdminClient } from './keycloak-admin.client.js';
import { StaffProfileRepository } from './staff-profile.repository.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController],
  providers: [KeycloakAdminClient, StaffProfileRepository, UsersService],
})
export class UsersModule {}
