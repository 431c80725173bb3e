import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  PublicQuoteAcceptSchema,
  PublicQuotePageSchema,
  PublicQuoteRejectSchema,
  PublicQuoteSchema,
  type PublicQuote,
  type PublicQuoteAccept,
  type PublicQuotePage,
  type PublicQuoteReject,
} from '@velosi/contracts';
import { Public } from '../../auth/public.decorator.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns, ReturnsFile } from '../../docs/api-docs.decorators.js';
import { RateBudget } from '../../common/rate-limit/rate-budget.decorator.js';
import { pdfResponse } from '../../documents/pdf-response.js';
import { PublicQuotesService } from '../domain/public-quotes.service.js';

/**
 * The customer's routes behind `/q/:token` in the SPA: no login, the token is the authorisation.
 * Only the customer's view ever leaves here (PublicQuoteSchema: no buy prices, no margins); any
 * `:token` that is not a live link — a uuid, a number, a revoked or expired token — answers 404.
 * Answers are `no-store`: prices behind a secret link must not stay in a shared or browser cache.
 */
const NO_STORE = 'no-store';

@Controller('api/public/quotes')
@Public()
@RateBudget('publicLinks')
export class PublicQuotesController {
  constructor(private readonly quotes: PublicQuotesService) {}

  @Get(':token')
  @Header('cache-control', NO_STORE)
  @Returns(PublicQuotePageSchema)
  get(@Param('token') token: string): Promise<PublicQuotePage> {
    return this.quotes.get(token);
  }

  @Get(':token/pdf')
  @RateBudget('documents')
  @Header('cache-control', NO_STORE)
  @ReturnsFile('application/pdf', 'The quote as PDF.')
  async pdf(@Param('token') token: string): Promise<StreamableFile> {
    return pdfResponse(await this.quotes.pdf(token));
  }

  @Post(':token/accept')
  @Header('cache-control', NO_STORE)
  @Returns(PublicQuoteSchema)
  @HttpCode(200)
  accept(
    @Param('token') token: string,
    @Body(new ZodValidationPipe(PublicQuoteAcceptSchema)) body: PublicQuoteAccept,
  ): Promise<PublicQuote> {
    return this.quotes.accept(token, body);
  }

  @Post(':token/reject')
  @Header('cache-control', NO_STORE)
  @Returns(PublicQuoteSchema)
  @HttpCode(200)
  reject(
    @Param('token') token: string,
    @Body(new ZodValidationPipe(PublicQuoteRejectSchema)) body: PublicQuoteReject,
  ): Promise<PublicQuote> {
    return this.quotes.reject(token, body);
  }
}
