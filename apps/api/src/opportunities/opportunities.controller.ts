import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  OpportunityCreateSchema,
  OpportunityListQuerySchema,
  OpportunityPageSchema,
  OpportunitySchema,
  OpportunityStageChangeSchema,
  OpportunityUpdateSchema,
  PipelineQuerySchema,
  PipelineSummarySchema,
  type Opportunity,
  type OpportunityCreate,
  type OpportunityListQuery,
  type OpportunityPage,
  type OpportunityStageChange,
  type OpportunityUpdate,
  type PipelineQuery,
  type PipelineSummary,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { OpportunitiesService } from './opportunities.service.js';
import { pipelineSummary } from './pipeline.js';

@Controller('api/opportunities')
export class OpportunitiesController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @Get()
  @Returns(OpportunityPageSchema)
  @RequirePermission('opportunities:read')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(OpportunityListQuerySchema)) query: OpportunityListQuery,
  ): Promise<OpportunityPage> {
    return this.opportunities.list(user, query);
  }

  /** Per-stage counts and sums for the kanban columns. */
  @Get('pipeline')
  @Returns(PipelineSummarySchema)
  @RequirePermission('opportunities:read')
  pipeline(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(PipelineQuerySchema)) query: PipelineQuery,
  ): Promise<PipelineSummary> {
    return pipelineSummary(this.opportunities.records, user, query);
  }

  @Get(':id')
  @Returns(OpportunitySchema)
  @RequirePermission('opportunities:read')
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Opportunity> {
    return this.opportunities.get(user, id);
  }

  @Post()
  @Returns(OpportunitySchema)
  @RequirePermission('opportunities:write')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(OpportunityCreateSchema)) body: OpportunityCreate,
  ): Promise<Opportunity> {
    return this.opportunities.create(actor, body);
  }

  @Patch(':id')
  @Returns(OpportunitySchema)
  @RequirePermission('opportunities:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(OpportunityUpdateSchema)) body: OpportunityUpdate,
  ): Promise<Opportunity> {
    return this.opportunities.update(actor, id, body);
  }

  /** The kanban drag and the won/lost dialogs; closing needs `reason` (400 without). */
  @Patch(':id/stage')
  @Returns(OpportunitySchema)
  @RequirePermission('opportunities:write')
  changeStage(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(OpportunityStageChangeSchema)) body: OpportunityStageChange,
  ): Promise<Opportunity> {
    return this.opportunities.changeStage(actor, id, body);
  }
}
