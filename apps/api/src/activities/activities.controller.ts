import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ActivityCreateSchema,
  ActivityListQuerySchema,
  ActivityPageSchema,
  ActivitySchema,
  ActivityUpdateSchema,
  ActivityCompleteSchema,
  type Activity,
  type ActivityCreate,
  type ActivityListQuery,
  type ActivityPage,
  type ActivityUpdate,
  type ActivityComplete,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { ActivitiesService } from './activities.service.js';

@Controller('api/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  /** `?overdue=true`: open activities past their due time (the "late" list). */
  @Get()
  @Returns(ActivityPageSchema)
  @RequirePermission('activities:read')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(ActivityListQuerySchema)) query: ActivityListQuery,
  ): Promise<ActivityPage> {
    return this.activities.list(user, query);
  }

  @Get(':id')
  @Returns(ActivitySchema)
  @RequirePermission('activities:read')
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Activity> {
    return this.activities.records.get(user, id);
  }

  @Post()
  @Returns(ActivitySchema)
  @RequirePermission('activities:write')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(ActivityCreateSchema)) body: ActivityCreate,
  ): Promise<Activity> {
    return this.activities.create(actor, body);
  }

  @Patch(':id')
  @Returns(ActivitySchema)
  @RequirePermission('activities:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(ActivityUpdateSchema)) body: ActivityUpdate,
  ): Promise<Activity> {
    return this.activities.update(actor, id, body);
  }

  @Post(':id/complete')
  @Returns(ActivitySchema)
  @HttpCode(200)
  @RequirePermission('activities:write')
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(ActivityCompleteSchema)) body: ActivityComplete,
  ): Promise<Activity> {
    return this.activities.complete(actor, id, body);
  }
}
