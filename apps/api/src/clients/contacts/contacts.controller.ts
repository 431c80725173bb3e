import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ContactCreateSchema,
  ContactDeleteQuerySchema,
  ContactListQuerySchema,
  ContactPageSchema,
  ContactSchema,
  ContactUpdateSchema,
  type Contact,
  type ContactCreate,
  type ContactDeleteQuery,
  type ContactListQuery,
  type ContactPage,
  type ContactUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { ContactsService } from './contacts.service.js';

/** Contacts belong to a client: the client's permissions and visibility apply. */
@Controller('api/clients/:clientId/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Returns(ContactPageSchema)
  @RequirePermission('clients:read')
  list(
    @CurrentUser() user: AuthUser,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Query(new ZodValidationPipe(ContactListQuerySchema)) query: ContactListQuery,
  ): Promise<ContactPage> {
    return this.contacts.list(user, clientId, query);
  }

  @Get(':contactId')
  @Returns(ContactSchema)
  @RequirePermission('clients:read')
  get(
    @CurrentUser() user: AuthUser,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Param('contactId', RecordIdPipe) contactId: string,
  ): Promise<Contact> {
    return this.contacts.get(user, clientId, contactId);
  }

  @Post()
  @Returns(ContactSchema)
  @RequirePermission('clients:write')
  create(
    @CurrentActor() actor: Actor,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Body(new ZodValidationPipe(ContactCreateSchema)) body: ContactCreate,
  ): Promise<Contact> {
    return this.contacts.create(actor, clientId, body);
  }

  @Patch(':contactId')
  @Returns(ContactSchema)
  @RequirePermission('clients:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Param('contactId', RecordIdPipe) contactId: string,
    @Body(new ZodValidationPipe(ContactUpdateSchema)) body: ContactUpdate,
  ): Promise<Contact> {
    return this.contacts.update(actor, clientId, contactId, body);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @RequirePermission('clients:write')
  async remove(
    @CurrentActor() actor: Actor,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Param('contactId', RecordIdPipe) contactId: string,
    @Query(new ZodValidationPipe(ContactDeleteQuerySchema)) { version }: ContactDeleteQuery,
  ): Promise<void> {
    await this.contacts.delete(actor, clientId, contactId, version);
  }
}
