import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ClientReceivableDetailSchema,
  ReceivableDetailQuerySchema,
  ReceivablesPageSchema,
  ReceivablesQuerySchema,
  ReminderSendResultSchema,
  ReminderSendSchema,
  StatementQuerySchema,
  type ClientReceivableDetail,
  type ReceivableDetailQuery,
  type ReceivablesPage,
  type ReceivablesQuery,
  type ReminderSend,
  type ReminderSendResult,
  type StatementQuery,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { RateBudget } from '../common/rate-limit/rate-budget.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns, ReturnsFile } from '../docs/api-docs.decorators.js';
import { pdfResponse } from '../documents/pdf-response.js';
import { ReceivablesService } from './receivables.service.js';

/** `/api/receivables`: balances and ageing per client, a client's open invoices, statement, reminder. */
@Controller('api/receivables')
export class ReceivablesController {
  constructor(private readonly receivables: ReceivablesService) {}

  @Get()
  @RequirePermission('receivables:read')
  @Returns(ReceivablesPageSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(ReceivablesQuerySchema)) query: ReceivablesQuery,
  ): Promise<ReceivablesPage> {
    return this.receivables.list(user, query);
  }

  @Get(':clientId')
  @RequirePermission('receivables:read')
  @Returns(ClientReceivableDetailSchema)
  detail(
    @CurrentUser() user: AuthUser,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Query(new ZodValidationPipe(ReceivableDetailQuerySchema)) query: ReceivableDetailQuery,
  ): Promise<ClientReceivableDetail> {
    return this.receivables.detail(user, clientId, query.asOf);
  }

  @Get(':clientId/statement.pdf')
  @RateBudget('documents')
  @RequirePermission('receivables:read')
  @ReturnsFile('application/pdf', "The client's statement of account at `asOf`.")
  async statement(
    @CurrentUser() user: AuthUser,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Query(new ZodValidationPipe(StatementQuerySchema)) query: StatementQuery,
  ): Promise<StreamableFile> {
    return pdfResponse(await this.receivables.statement(user, clientId, query.asOf, query.lang));
  }

  @Post(':clientId/reminder')
  @HttpCode(200)
  @RateBudget('documents')
  @RequirePermission('receivables:remind')
  @Returns(ReminderSendResultSchema)
  remind(
    @CurrentActor() actor: Actor,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Body(new ZodValidationPipe(ReminderSendSchema)) body: ReminderSend,
  ): Promise<ReminderSendResult> {
    return this.receivables.remind(actor, clientId, body);
  }
}
