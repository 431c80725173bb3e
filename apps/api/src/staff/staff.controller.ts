import { Controller, Get } from '@nestjs/common';
import { StaffListSchema, type StaffList } from '@velosi/contracts';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { JobStaffDirectory, StaffDirectory } from './staff-directory.js';

/**
 * The assignee pickers' directories: `GET /api/staff` for sales records (every role that edits
 * them may read it), `GET /api/staff/jobs` for job files (every role that reads jobs: the job list
 * filters and shows assignees by name for all of them).
 */
@Controller('api/staff')
export class StaffController {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly jobDirectory: JobStaffDirectory,
  ) {}

  @Get()
  @Returns(StaffListSchema)
  @RequirePermission('staff:read')
  async list(): Promise<StaffList> {
    // Checked against the contract: Keycloak's answer is the input here, not ours.
    return StaffListSchema.parse({ items: await this.directory.list() });
  }

  @Get('jobs')
  @Returns(StaffListSchema)
  @RequirePermission('jobs:read')
  async listForJobs(): Promise<StaffList> {
    return StaffListSchema.parse({ items: await this.jobDirectory.list() });
  }
}
