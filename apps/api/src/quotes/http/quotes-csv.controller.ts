import { Controller, StreamableFile } from '@nestjs/common';
import { QuoteListQuerySchema, type QuoteListItem, type QuoteListQuery } from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import {
  CsvExportRoute,
  type CsvColumn,
  ExportQuery,
  listCsvFile,
  type ListExportQuery,
} from '../../common/csv/csv-routes.js';
import { dateTimeColumn, decimalColumn, wordsColumn } from '../../common/csv/csv-export.js';
import { QUOTE_STATUS_WORDS, TRAFFIC_WORDS, TRANSPORT_MODE_WORDS } from '../../common/csv/csv-words.js';
import { QuotesService } from '../domain/quotes.service.js';

// Sell-side totals only: buy prices and margins stay out of a file that leaves the application.
const QUOTE_CSV_COLUMNS: readonly CsvColumn<QuoteListItem>[] = [
  { field: 'number', fr: 'Numéro', en: 'Number' },
  { field: 'revision', fr: 'Révision', en: 'Revision' },
  { field: 'title', fr: 'Objet', en: 'Title' },
  wordsColumn({ field: 'status', fr: 'Statut', en: 'Status' }, QUOTE_STATUS_WORDS),
  { field: 'customerName', fr: 'Client', en: 'Customer' },
  { field: 'contactName', fr: 'Contact', en: 'Contact' },
  wordsColumn({ field: 'mode', fr: 'Mode', en: 'Mode' }, TRANSPORT_MODE_WORDS),
  wordsColumn({ field: 'direction', fr: 'Trafic', en: 'Traffic' }, TRAFFIC_WORDS),
  { field: 'incoterm', fr: 'Incoterm', en: 'Incoterm' },
  { field: 'validUntil', fr: "Valable jusqu'au", en: 'Valid until' },
  { field: 'currency', fr: 'Devise', en: 'Currency' },
  decimalColumn(
    { field: 'sellTnd', fr: 'Total HT (TND)', en: 'Total excl. VAT (TND)' },
    (r) => r.totals.sellTnd,
  ),
  decimalColumn({ field: 'vatTnd', fr: 'TVA (TND)', en: 'VAT (TND)' }, (r) => r.totals.vatTnd),
  decimalColumn(
    { field: 'totalTnd', fr: 'Total TTC (TND)', en: 'Total incl. VAT (TND)' },
    (r) => r.totals.totalTnd,
  ),
  dateTimeColumn({ field: 'sentAt', fr: 'Envoyé le', en: 'Sent at' }),
  dateTimeColumn({ field: 'createdAt', fr: 'Créé le', en: 'Created at' }),
];

/** CSV export of the quotes list with the list's filters and visibility. */
@Controller('api/quotes')
export class QuotesCsvController {
  constructor(private readonly quotes: QuotesService) {}

  @CsvExportRoute('quotes:read', 'The filtered quotes as CSV (UTF-8 with BOM).')
  exportCsv(
    @CurrentUser() user: AuthUser,
    @ExportQuery(QuoteListQuerySchema) query: ListExportQuery<QuoteListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile((q) => this.quotes.list(user, q), query, QUOTE_CSV_COLUMNS, 'quotes');
  }
}
