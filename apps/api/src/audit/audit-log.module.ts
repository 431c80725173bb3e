import { Module } from '@nestjs/common';
import { IdentityAdminModule } from '../users/identity-admin.module.js';
import { AuditActors } from './audit-actors.js';
import { AuditEntityLabels } from './audit-entity-labels.js';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLogService } from './audit-log.service.js';

/**
 * Reading the audit log (administration). Separate from AuditModule, which every writer imports:
 * actor names come from Keycloak, and the identity module itself depends on authentication.
 */
@Module({
  imports: [IdentityAdminModule],
  controllers: [AuditLogController],
  providers: [AuditActors, AuditEntityLabels, AuditLogRepository, AuditLogService],
  // Other pages name a user id the same way (e.g. who reversed a payment), sharing the cache.
  exports: [AuditActors],
})
export class AuditLogModule {}
