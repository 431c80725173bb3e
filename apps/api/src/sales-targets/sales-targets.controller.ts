import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  SalesTargetCreateSchema,
  SalesTargetListQuerySchema,
  SalesTargetPageSchema,
  SalesTargetSchema,
  SalesTargetUpdateSchema,
  type SalesTarget,
  type SalesTargetCreate,
  type SalesTargetListQuery,
  type SalesTargetPage,
  type SalesTargetUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { SalesTargetsService } from './sales-targets.service.js';

/** `/api/sales-targets`: ADMIN sets targets; a commercial reads their own, with progress. */
@Controller('api/sales-targets')
export class SalesTargetsController {
  constructor(private readonly targets: SalesTargetsService) {}

  @Get()
  @Returns(SalesTargetPageSchema)
  @RequirePermission('targets:read')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(SalesTargetListQuerySchema)) query: SalesTargetListQuery,
  ): Promise<SalesTargetPage> {
    return this.targets.list(user, query);
  }

  @Get(':id')
  @Returns(SalesTargetSchema)
  @RequirePermission('targets:read')
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<SalesTarget> {
    return this.targets.get(user, id);
  }

  @Post()
  @Returns(SalesTargetSchema)
  @RequirePermission('targets:write')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(SalesTargetCreateSchema)) body: SalesTargetCreate,
  ): Promise<SalesTarget> {
    return this.targets.create(actor, body);
  }

  @Patch(':id')
  @Returns(SalesTargetSchema)
  @RequirePermission('targets:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(SalesTargetUpdateSchema)) body: SalesTargetUpdate,
  ): Promise<SalesTarget> {
    return this.targets.update(actor, id, body);
  }
}
