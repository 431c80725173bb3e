import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { Assignments } from './assignment.js';
import { IdentityAdminModule } from '../users/identity-admin.module.js';
import { StaffController } from './staff.controller.js';
import { JobStaffDirectory, PeopleDirectory, StaffDirectory } from './staff-directory.js';

/**
 * The staff directories (`GET /api/staff` for sales records, `GET /api/staff/jobs` for job files,
 * everyone for the names in histories) and the assignment rule every sales record applies to
 * its `assignedTo`. A module of its own rather than part of users/: users/ is ADMIN user
 * administration (writes, audit, users:* permissions), this is a cached read-only view every
 * commercial uses, imported by each record module.
 */
@Module({
  imports: [AuthModule, IdentityAdminModule],
  controllers: [StaffController],
  providers: [StaffDirectory, JobStaffDirectory, PeopleDirectory, Assignments],
  exports: [StaffDirectory, JobStaffDirectory, PeopleDirectory, Assignments],
})
export class StaffModule {}
