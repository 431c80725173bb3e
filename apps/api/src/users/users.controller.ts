import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, Delete } from '@nestjs/common';
import {
  AdminUserListQuerySchema,
  AdminUserPageSchema,
  AdminUserSchema,
  CreateUserSchema,
  ResetPasswordSchema,
  UpdateUserSchema,
  UserSessionSchema,
  type AdminUser,
  type AdminUserListQuery,
  type AdminUserPage,
  type CreateUser,
  type ResetPassword,
  type UpdateUser,
  type UserSession,
} from '@velosi/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { UsersService } from './users.service.js';

// Keycloak ids are UUIDs; anything else cannot be a user and must not be spliced into an admin URL.
const UserIdPipe = new ZodValidationPipe(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a user id'));

/** User administration (ADMIN): identity lives in Keycloak, the staff profile in the ERP database. */
@Controller('api/admin/users')
@RequirePermission('users:read')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Returns(AdminUserPageSchema)
  list(
    @Query(new ZodValidationPipe(AdminUserListQuerySchema)) query: AdminUserListQuery,
  ): Promise<AdminUserPage> {
    return this.users.list(query);
  }

  @Get(':id')
  @Returns(AdminUserSchema)
  get(@Param('id', UserIdPipe) id: string): Promise<AdminUser> {
    return this.users.get(id);
  }

  @Post()
  @Returns(AdminUserSchema)
  @RequirePermission('users:read', 'users:write')
  async create(
    @Body(new ZodValidationPipe(CreateUserSchema)) body: CreateUser,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AdminUser> {
    const created = await this.users.create(body, actor);
    void reply.status(201).header('location', `/api/admin/users/${created.id}`);
    return created;
  }

  @Patch(':id')
  @Returns(AdminUserSchema)
  @RequirePermission('users:read', 'users:write')
  update(
    @Param('id', UserIdPipe) id: string,
    @Body(new ZodValidationPipe(UpdateUserSchema)) body: UpdateUser,
    @CurrentActor() actor: Actor,
  ): Promise<AdminUser> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @RequirePermission('users:read', 'users:write')
  async resetPassword(
    @Param('id', UserIdPipe) id: string,
    @Body(new ZodValidationPipe(ResetPasswordSchema)) body: ResetPassword,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.users.resetPassword(id, body, actor);
  }

  @Get(':id/sessions')
  @Returns(z.array(UserSessionSchema))
  sessions(@Param('id', UserIdPipe) id: string): Promise<UserSession[]> {
    return this.users.sessions(id);
  }

  @Delete(':id/sessions')
  @HttpCode(204)
  @RequirePermission('users:read', 'users:write')
  async endSessions(@Param('id', UserIdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.endSessions(id, actor);
  }
}
