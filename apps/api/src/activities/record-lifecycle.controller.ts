import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, type Type } from '@nestjs/common';
import {
  TimelinePageSchema,
  TimelineQuerySchema,
  VersionedActionSchema,
  type Permission,
  type TimelinePage,
  type TimelineQuery,
  type VersionedAction,
} from '@velosi/contracts';
import type { z } from 'zod';
import type { ActivityLinkKey } from './activities.records.js';
import { TimelineService } from './timeline.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { ZodValidationPipe } from '../common/validation.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import type { RecordRepository, RecordTable } from '../common/records/repository.js';

/** A business service exposes its repository; archive/restore/timeline need nothing else. */
export interface LifecycleService<Api> {
  readonly records: RecordRepository<RecordTable, Api, string>;
}

export interface LifecycleRoutes {
  /** Route prefix, e.g. `api/leads`. */
  path: string;
  /** The business service class (its provider token). */
  service: Type<LifecycleService<unknown>>;
  read: Permission;
  write: Permission;
  /** The activity link naming this record; omit for records without a timeline. */
  timeline?: ActivityLinkKey;
  /** The record's contract (e.g. LeadSchema): archive/restore answer it; documents them in OpenAPI. */
  record?: z.ZodType;
}

/**
 * Builds the controller of the routes every record type has — `POST :id/archive`,
 * `POST :id/restore` (body `{ version }`) and `GET :id/timeline` — so each module declares them
 * with one line instead of repeating them: `controllers: [LeadsController, lifecycleController({…})]`.
 */
export function lifecycleController({ path, service, read, write, timeline, record }: LifecycleRoutes): Type {
  @Controller(path)
  class RecordLifecycleController {
    constructor(
      @Inject(service) protected readonly service: LifecycleService<unknown>,
      protected readonly timelines: TimelineService,
    ) {}

    @Post(':id/archive')
    @Returns(record)
    @HttpCode(200)
    @RequirePermission(write)
    archive(
      @CurrentActor() actor: Actor,
      @Param('id', RecordIdPipe) id: string,
      @Body(new ZodValidationPipe(VersionedActionSchema)) { version }: VersionedAction,
    ): Promise<unknown> {
      return this.service.records.setArchived(actor, id, version, true);
    }

    @Post(':id/restore')
    @Returns(record)
    @HttpCode(200)
    @RequirePermission(write)
    restore(
      @CurrentActor() actor: Actor,
      @Param('id', RecordIdPipe) id: string,
      @Body(new ZodValidationPipe(VersionedActionSchema)) { version }: VersionedAction,
    ): Promise<unknown> {
      return this.service.records.setArchived(actor, id, version, false);
    }
  }

  // Only records with a timeline get the route (an always-404 route would still be documented).
  let controller: Type = RecordLifecycleController;
  if (timeline) {
    const linkKey: ActivityLinkKey = timeline;
    @Controller(path)
    class RecordTimelineController extends RecordLifecycleController {
      // The timeline shows activities, so it also needs `activities:read`.
      @Get(':id/timeline')
      @Returns(TimelinePageSchema)
      @RequirePermission(read, 'activities:read')
      timelineOf(
        @CurrentUser() user: AuthUser,
        @Param('id', RecordIdPipe) id: string,
        @Query(new ZodValidationPipe(TimelineQuerySchema)) query: TimelineQuery,
      ): Promise<TimelinePage> {
        return this.timelines.of(user, this.service.records, linkKey, id, query);
      }
    }
    controller = RecordTimelineController;
  }
  // A distinct class name per record type keeps Nest's route logs readable.
  Object.defineProperty(controller, 'name', { value: `${path.replace(/\W/g, '_')}_lifecycle` });
  return controller;
}
