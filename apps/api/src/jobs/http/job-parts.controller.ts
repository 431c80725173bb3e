import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  JobChargeCreateSchema,
  JobChargeUpdateSchema,
  JobContainerCreateSchema,
  JobContainerUpdateSchema,
  JobDetailSchema,
  JobMilestoneCreateSchema,
  type JobChargeCreate,
  type JobChargeUpdate,
  type JobContainerCreate,
  type JobContainerUpdate,
  type JobDetail,
  type JobMilestoneCreate,
} from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { JobPartsService } from '../domain/job-parts.service.js';

/**
 * Containers and milestones (`jobs:write`: operations) and charge lines (`jobs:costs`: operations
 * and finance) of a job. Every write answers the whole job detail (status, profit move with them).
 */
@Controller('api/jobs/:id')
export class JobPartsController {
  constructor(private readonly parts: JobPartsService) {}

  @Post('containers')
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  addContainer(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(JobContainerCreateSchema)) body: JobContainerCreate,
  ): Promise<JobDetail> {
    return this.parts.addContainer(actor, id, body);
  }

  @Patch('containers/:containerId')
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  updateContainer(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Param('containerId', RecordIdPipe) containerId: string,
    @Body(new ZodValidationPipe(JobContainerUpdateSchema)) body: JobContainerUpdate,
  ): Promise<JobDetail> {
    return this.parts.updateContainer(actor, id, containerId, body);
  }

  @Delete('containers/:containerId')
  @HttpCode(200)
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  removeContainer(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Param('containerId', RecordIdPipe) containerId: string,
  ): Promise<JobDetail> {
    return this.parts.removeContainer(actor, id, containerId);
  }

  @Post('milestones')
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  addMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(JobMilestoneCreateSchema)) body: JobMilestoneCreate,
  ): Promise<JobDetail> {
    return this.parts.addMilestone(actor, id, body);
  }

  @Delete('milestones/:milestoneId')
  @HttpCode(200)
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  removeMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Param('milestoneId', RecordIdPipe) milestoneId: string,
  ): Promise<JobDetail> {
    return this.parts.removeMilestone(actor, id, milestoneId);
  }

  @Post('charges')
  @RequirePermission('jobs:costs')
  @Returns(JobDetailSchema)
  addCharge(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(JobChargeCreateSchema)) body: JobChargeCreate,
  ): Promise<JobDetail> {
    return this.parts.addCharge(actor, id, body);
  }

  @Patch('charges/:chargeId')
  @RequirePermission('jobs:costs')
  @Returns(JobDetailSchema)
  updateCharge(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Param('chargeId', RecordIdPipe) chargeId: string,
    @Body(new ZodValidationPipe(JobChargeUpdateSchema)) body: JobChargeUpdate,
  ): Promise<JobDetail> {
    return this.parts.updateCharge(actor, id, chargeId, body);
  }

  @Delete('charges/:chargeId')
  @HttpCode(200)
  @RequirePermission('jobs:costs')
  @Returns(JobDetailSchema)
  removeCharge(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Param('chargeId', RecordIdPipe) chargeId: string,
  ): Promise<JobDetail> {
    return this.parts.removeCharge(actor, id, chargeId);
  }
}
