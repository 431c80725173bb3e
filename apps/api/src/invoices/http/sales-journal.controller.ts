import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { SalesJournalQuerySchema, type SalesJournalQuery } from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { csvFile, toCsv } from '../../common/csv/csv-export.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { ReturnsFile } from '../../docs/api-docs.decorators.js';
import { SALES_JOURNAL_COLUMNS, salesJournalRows } from '../domain/sales-journal.js';
import { InvoicesRepository } from '../persistence/invoices.repository.js';

/**
 * `GET /api/invoices/sales-journal.csv`: registered before InvoicesController so the file name is
 * not taken for an `:id`.
 */
@Controller('api/invoices')
export class SalesJournalController {
  constructor(private readonly repository: InvoicesRepository) {}

  @Get('sales-journal.csv')
  @RequirePermission('invoices:journal')
  @ReturnsFile('text/csv', 'Sales journal: one line per issued invoice or credit note and VAT rate.')
  async journal(
    @Query(new ZodValidationPipe(SalesJournalQuerySchema)) query: SalesJournalQuery,
  ): Promise<StreamableFile> {
    const documents = await this.repository.issuedBetween(this.repository.db, query.from, query.to);
    return csvFile(toCsv(salesJournalRows(documents), SALES_JOURNAL_COLUMNS, query), `sales-journal-${query.from}-${query.to}`);
  }
}
