import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  CreditNoteCreateSchema,
  InvoiceIssueSchema,
  InvoiceSchema,
  InvoiceSendResultSchema,
  InvoiceSendSchema,
  type CreditNoteCreate,
  type Invoice,
  type InvoiceIssue,
  type InvoiceSend,
  type InvoiceSendResult,
} from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { RateBudget } from '../../common/rate-limit/rate-budget.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { InvoiceIssueService } from '../domain/invoice-issue.service.js';

/** `POST /api/invoices/:id/{issue,credit-notes,send}`. */
@Controller('api/invoices/:id')
export class InvoiceActionsController {
  constructor(private readonly actions: InvoiceIssueService) {}

  @Post('issue')
  @HttpCode(200)
  @RequirePermission('invoices:issue')
  @Returns(InvoiceSchema)
  issue(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(InvoiceIssueSchema)) body: InvoiceIssue,
  ): Promise<Invoice> {
    return this.actions.issue(actor, id, body);
  }

  /** Answers the credit note (issued, numbered AV…). */
  @Post('credit-notes')
  @RequirePermission('invoices:issue')
  @Returns(InvoiceSchema)
  creditNote(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(CreditNoteCreateSchema)) body: CreditNoteCreate,
  ): Promise<Invoice> {
    return this.actions.creditNote(actor, id, body);
  }

  @Post('send')
  @HttpCode(200)
  @RateBudget('documents')
  @RequirePermission('invoices:write')
  @Returns(InvoiceSendResultSchema)
  send(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(InvoiceSendSchema)) body: InvoiceSend,
  ): Promise<InvoiceSendResult> {
    return this.actions.send(actor, id, body);
  }
}
