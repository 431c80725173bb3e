import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  QuoteCreateSchema,
  QuoteListQuerySchema,
  QuotePageSchema,
  QuoteSchema,
  QuoteUpdateSchema,
  type Quote,
  type QuoteCreate,
  type QuoteListQuery,
  type QuotePage,
  type QuoteUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns, ReturnsFile } from '../../docs/api-docs.decorators.js';
import { pdfResponse } from '../../documents/pdf-response.js';
import { QuoteDocuments } from '../documents/quote-documents.js';
import { QuotesService } from '../domain/quotes.service.js';
import { RateBudget } from '../../common/rate-limit/rate-budget.decorator.js';

/** `/api/quotes`: list, read, PDF, create, edit a draft. Actions: quote-actions.controller.ts. */
@Controller('api/quotes')
export class QuotesController {
  constructor(
    private readonly quotes: QuotesService,
    private readonly documents: QuoteDocuments,
  ) {}

  @Get()
  @RequirePermission('quotes:read')
  @Returns(QuotePageSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(QuoteListQuerySchema)) query: QuoteListQuery,
  ): Promise<QuotePage> {
    return this.quotes.list(user, query);
  }

  @Get(':id')
  @RequirePermission('quotes:read')
  @Returns(QuoteSchema)
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Quote> {
    return this.quotes.get(user, id);
  }

  /** The customer's PDF (no buy prices, no margins), generated on each request from the stored quote. */
  @Get(':id/pdf')
  @RateBudget('documents')
  @RequirePermission('quotes:read')
  @ReturnsFile('application/pdf', 'The quote as PDF.')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<StreamableFile> {
    const quote = await this.quotes.get(user, id);
    return pdfResponse(await this.documents.render(this.quotes.repository.db, quote));
  }

  @Post()
  @Returns(QuoteSchema)
  @RequirePermission('quotes:write')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(QuoteCreateSchema)) body: QuoteCreate,
  ): Promise<Quote> {
    return this.quotes.create(actor, body);
  }

  /** Drafts only (409 invalid-state otherwise); `items`, when given, replaces every line. */
  @Patch(':id')
  @Returns(QuoteSchema)
  @RequirePermission('quotes:write')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(QuoteUpdateSchema)) body: QuoteUpdate,
  ): Promise<Quote> {
    return this.quotes.update(actor, id, body);
  }
}
