import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  QuoteAcceptSchema,
  QuoteCancelSchema,
  QuoteDuplicateSchema,
  QuoteMailPreviewRequestSchema,
  QuoteMailPreviewSchema,
  QuoteRejectSchema,
  QuoteReviseSchema,
  QuoteSchema,
  QuoteSendResultSchema,
  QuoteSendSchema,
  type Quote,
  type QuoteAccept,
  type QuoteCancel,
  type QuoteDuplicate,
  type QuoteMailPreview,
  type QuoteMailPreviewRequest,
  type QuoteReject,
  type QuoteRevise,
  type QuoteSend,
  type QuoteSendResult,
} from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { QuoteActionsService } from '../domain/quote-actions.service.js';

/**
 * The quote workflow. Which action is possible in which status is QUOTE_ACTION_FROM in the
 * contracts (409 invalid-state otherwise); every action but duplicate carries the version.
 */
@Controller('api/quotes')
@RequirePermission('quotes:write')
export class QuoteActionsController {
  constructor(private readonly actions: QuoteActionsService) {}

  @Post(':id/send')
  @Returns(QuoteSendResultSchema)
  @HttpCode(200)
  send(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteSendSchema)) body: QuoteSend,
  ): Promise<QuoteSendResult> {
    return this.actions.send(actor, id, body);
  }

  /** The e-mail `send` would write (subject and text), for the send dialog; sends nothing. */
  @Post(':id/send/preview')
  @Returns(QuoteMailPreviewSchema)
  @HttpCode(200)
  preview(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteMailPreviewRequestSchema)) body: QuoteMailPreviewRequest,
  ): Promise<QuoteMailPreview> {
    return this.actions.preview(actor, id, body);
  }

  @Post(':id/accept')
  @Returns(QuoteSchema)
  @HttpCode(200)
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteAcceptSchema)) body: QuoteAccept,
  ): Promise<Quote> {
    return this.actions.accept(actor, id, body.version, {
      transport: body.transport,
      customerReference: body.customerReference,
    });
  }

  @Post(':id/reject')
  @Returns(QuoteSchema)
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteRejectSchema)) body: QuoteReject,
  ): Promise<Quote> {
    return this.actions.reject(actor, id, body);
  }

  @Post(':id/cancel')
  @Returns(QuoteSchema)
  @HttpCode(200)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteCancelSchema)) body: QuoteCancel,
  ): Promise<Quote> {
    return this.actions.cancel(actor, id, body);
  }

  /** Answers the NEW draft revision (201). */
  @Post(':id/revise')
  @Returns(QuoteSchema)
  revise(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteReviseSchema)) body: QuoteRevise,
  ): Promise<Quote> {
    return this.actions.revise(actor, id, body.version);
  }

  /** Answers the new draft copy (201). */
  @Post(':id/duplicate')
  @Returns(QuoteSchema)
  duplicate(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteDuplicateSchema)) body: QuoteDuplicate,
  ): Promise<Quote> {
    return this.actions.duplicate(actor, id, body);
  }

  @Delete(':id/public-link')
  @HttpCode(204)
  revokePublicLinks(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string): Promise<void> {
    return this.actions.revokeLinks(actor, id);
  }
}
