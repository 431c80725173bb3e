import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { SalesJournalQuerySchema, type SalesJournalQuery } from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { csvFile } from '../../common/csv/csv-export.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { ReturnsFile } from '../../docs/api-docs.decorators.js';
import { SalesJournal } from '../domain/sales-journal.js';

/**
 * `GET /api/invoices/sales-journal.csv`: registered before InvoicesController so the file name is
 * not taken for an `:id`.
 */
@Controller('api/invoices')
export class SalesJournalController {
  constructor(private readonly journal: SalesJournal) {}

  @Get('sales-journal.csv')
  @RequirePermission('invoices:journal')
  @ReturnsFile('text/csv', 'Sales journal: one line per issued invoice or credit note and VAT rate.')
  async exportJournal(
    @Query(new ZodValidationPipe(SalesJournalQuerySchema)) query: SalesJournalQuery,
  ): Promise<StreamableFile> {
    return csvFile(await this.journal.csv(query), `sales-journal-${query.from}-${query.to}`);
  }
}
