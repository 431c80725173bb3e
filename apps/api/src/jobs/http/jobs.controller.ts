import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  JobCancelSchema,
  JobCloseSchema,
  JobDetailSchema,
  JobListQuerySchema,
  JobPageSchema,
  JobTimelinePageSchema,
  JobTimelineQuerySchema,
  JobUpdateSchema,
  type JobCancel,
  type JobClose,
  type JobDetail,
  type JobListQuery,
  type JobPage,
  type JobTimelinePage,
  type JobUpdate,
  type TimelineQuery,
} from '@velosi/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { JobTimeline } from '../domain/job-timeline.js';
import { JobsService } from '../domain/jobs.service.js';

/** `/api/jobs`: list, detail, edit, cancel, close, timeline. Parts: job-parts.controller.ts. */
@Controller('api/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly timeline: JobTimeline,
  ) {}

  @Get()
  @RequirePermission('jobs:read')
  @Returns(JobPageSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(JobListQuerySchema)) query: JobListQuery,
  ): Promise<JobPage> {
    return this.jobs.list(user, query);
  }

  @Get(':id')
  @RequirePermission('jobs:read')
  @Returns(JobDetailSchema)
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<JobDetail> {
    return this.jobs.get(user, id);
  }

  @Get(':id/timeline')
  @RequirePermission('jobs:read')
  @Returns(JobTimelinePageSchema)
  timelineOf(
    @CurrentUser() user: AuthUser,
    @Param('id', RecordIdPipe) id: string,
    @Query(new ZodValidationPipe(JobTimelineQuerySchema)) query: TimelineQuery,
  ): Promise<JobTimelinePage> {
    return this.timeline.of(user, id, query);
  }

  @Patch(':id')
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(JobUpdateSchema)) body: JobUpdate,
  ): Promise<JobDetail> {
    return this.jobs.update(actor, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(JobCancelSchema)) body: JobCancel,
  ): Promise<JobDetail> {
    return this.jobs.cancel(actor, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(JobCloseSchema)) body: JobClose,
  ): Promise<JobDetail> {
    return this.jobs.close(actor, id, body);
  }
}

/** `POST /api/quotes/:id/job`: the accepted quote's job — 201 when opened now, 200 when it existed. */
@Controller('api/quotes')
export class QuoteJobController {
  constructor(private readonly jobs: JobsService) {}

  @Post(':id/job')
  @RequirePermission('jobs:write')
  @Returns(JobDetailSchema)
  async open(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobDetail> {
    const { job, created } = await this.jobs.openFromQuote(actor, id);
    reply.status(created ? 201 : 200);
    return job;
  }
}
