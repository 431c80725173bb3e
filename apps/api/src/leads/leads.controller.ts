import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  LeadConversionSchema,
  LeadConvertSchema,
  LeadCreateSchema,
  LeadListQuerySchema,
  LeadPageSchema,
  LeadSchema,
  LeadUpdateSchema,
  type Lead,
  type LeadConversion,
  type LeadConvert,
  type LeadCreate,
  type LeadListQuery,
  type LeadPage,
  type LeadUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { LeadsService } from './leads.service.js';

@Controller('api/leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get()
  @Returns(LeadPageSchema)
  @RequirePermission('leads:read')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(LeadListQuerySchema)) query: LeadListQuery,
  ): Promise<LeadPage> {
    return this.leads.list(user, query);
  }

  @Get(':id')
  @Returns(LeadSchema)
  @RequirePermission('leads:read')
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Lead> {
    return this.leads.records.get(user, id);
  }

  @Post()
  @Returns(LeadSchema)
  @RequirePermission('leads:write')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(LeadCreateSchema)) body: LeadCreate,
  ): Promise<Lead> {
    return this.leads.create(actor, body);
  }

  @Patch(':id')
  @Returns(LeadSchema)
  @RequirePermission('leads:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(LeadUpdateSchema)) body: LeadUpdate,
  ): Promise<Lead> {
    return this.leads.update(actor, id, body);
  }

  /** Creates client + primary contact + opportunity and marks the lead converted, atomically. */
  @Post(':id/convert')
  @Returns(LeadConversionSchema)
  @HttpCode(200)
  @RequirePermission('leads:write', 'clients:write', 'opportunities:write')
  convert(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(LeadConvertSchema)) body: LeadConvert,
  ): Promise<LeadConversion> {
    return this.leads.convert(actor, id, body);
  }
}
