import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { IdentityAdminModule } from './identity-admin.module.js';
import { MeController } from './me.controller.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule, AuditModule, IdentityAdminModule],
  controllers: [UsersController, MeController],
  providers: [UsersService],
})
export class UsersModule {}
