import { Controller, Get } from '@nestjs/common';
import { StaffListSchema, type StaffList } from '@velosi/contracts';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { StaffDirectory } from './staff-directory.js';

/** The assignee pickers' directory: every role that edits sales records may read it. */
@Controller('api/staff')
export class StaffController {
  constructor(private readonly directory: StaffDirectory) {}

  @Get()
  @Returns(StaffListSchema)
  @RequirePermission('staff:read')
  async list(): Promise<StaffList> {
    // Checked against the contract: Keycloak's answer is the input here, not ours.
    return StaffListSchema.parse({ items: await this.directory.list() });
  }
}
