import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ClientCreateSchema,
  ClientDuplicatesQuerySchema,
  ClientDuplicatesSchema,
  ClientListQuerySchema,
  ClientPageSchema,
  ClientSchema,
  ClientUpdateSchema,
  type Client,
  type ClientCreate,
  type ClientDuplicates,
  type ClientDuplicatesQuery,
  type ClientListQuery,
  type ClientPage,
  type ClientUpdate,
  VatSuspensionExpiringListSchema,
  VatSuspensionExpiringQuerySchema,
  type VatSuspensionExpiringList,
  type VatSuspensionExpiringQuery,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { ClientsService } from './clients.service.js';

@Controller('api/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Returns(ClientPageSchema)
  @RequirePermission('clients:read')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(ClientListQuerySchema)) query: ClientListQuery,
  ): Promise<ClientPage> {
    return this.clients.list(user, query);
  }

  /** Live clients that look like the one being typed: the create/edit form warns with links. */
  @Get('duplicates')
  @Returns(ClientDuplicatesSchema)
  @RequirePermission('clients:read')
  duplicates(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(ClientDuplicatesQuerySchema)) query: ClientDuplicatesQuery,
  ): Promise<ClientDuplicates> {
    return this.clients.duplicates(user, query);
  }

  /** Suspension authorisations expiring within `days` (default 30): FINANCE renews them with the client. */
  @Get('vat-suspensions/expiring')
  @Returns(VatSuspensionExpiringListSchema)
  @RequirePermission('clients:finance')
  expiringSuspensions(
    @Query(new ZodValidationPipe(VatSuspensionExpiringQuerySchema)) query: VatSuspensionExpiringQuery,
  ): Promise<VatSuspensionExpiringList> {
    return this.clients.expiringSuspensions(query);
  }

  @Get(':id')
  @Returns(ClientSchema)
  @RequirePermission('clients:read')
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Client> {
    return this.clients.records.get(user, id);
  }

  @Post()
  @Returns(ClientSchema)
  @RequirePermission('clients:write')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(ClientCreateSchema)) body: ClientCreate,
  ): Promise<Client> {
    return this.clients.create(actor, body);
  }

  @Patch(':id')
  @Returns(ClientSchema)
  @RequirePermission('clients:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(ClientUpdateSchema)) body: ClientUpdate,
  ): Promise<Client> {
    return this.clients.update(actor, id, body);
  }
}
