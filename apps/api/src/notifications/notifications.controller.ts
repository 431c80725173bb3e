import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  NotificationReadAllSchema,
  NotificationSchema,
  type Notification,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type NotificationReadAll,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Authenticated } from '../auth/route-access.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { NotificationsService } from './notifications.service.js';

/** Every signed-in user has notifications; each route only ever reaches the caller's own. */
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @Returns(NotificationListSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(NotificationListQuerySchema)) query: NotificationListQuery,
  ): Promise<NotificationList> {
    return this.notifications.list(user, query);
  }

  @Get('preferences')
  @Authenticated()
  @Returns(NotificationPreferencesSchema)
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.notifications.preferences(user);
  }

  @Put('preferences')
  @Authenticated()
  @Returns(NotificationPreferencesSchema)
  updatePreferences(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(NotificationPreferencesUpdateSchema)) body: NotificationPreferencesUpdate,
  ): Promise<NotificationPreferences> {
    return this.notifications.updatePreferences(actor, body);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @Returns(NotificationReadAllSchema)
  readAll(@CurrentUser() user: AuthUser): Promise<NotificationReadAll> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @Returns(NotificationSchema)
  read(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Notification> {
    return this.notifications.markRead(user, id);
  }
}
