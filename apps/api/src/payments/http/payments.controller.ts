import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  PaymentCreateSchema,
  PaymentListQuerySchema,
  PaymentPageSchema,
  PaymentReverseSchema,
  PaymentSchema,
  type Payment,
  type PaymentCreate,
  type PaymentListQuery,
  type PaymentPage,
  type PaymentReverse,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { PaymentsService } from '../domain/payments.service.js';

/** `/api/payments`: list, read, record (with allocations), reverse. No update, no delete. */
@Controller('api/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @RequirePermission('payments:read')
  @Returns(PaymentPageSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(PaymentListQuerySchema)) query: PaymentListQuery,
  ): Promise<PaymentPage> {
    return this.payments.list(user, query);
  }

  @Get(':id')
  @RequirePermission('payments:read')
  @Returns(PaymentSchema)
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Payment> {
    return this.payments.get(user, id);
  }

  @Post()
  @RequirePermission('payments:write')
  @Returns(PaymentSchema)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(PaymentCreateSchema)) body: PaymentCreate,
  ): Promise<Payment> {
    return this.payments.create(actor, body);
  }

  @Post(':id/reverse')
  @HttpCode(200)
  @RequirePermission('payments:write')
  @Returns(PaymentSchema)
  reverse(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(PaymentReverseSchema)) body: PaymentReverse,
  ): Promise<Payment> {
    return this.payments.reverse(actor, id, body);
  }
}
