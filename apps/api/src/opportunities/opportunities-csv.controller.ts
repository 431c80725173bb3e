import { Controller, StreamableFile } from '@nestjs/common';
import { OpportunityListQuerySchema, type Opportunity, type OpportunityListQuery } from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import {
  CsvExportRoute,
  type CsvColumn,
  ExportQuery,
  listCsvFile,
  type ListExportQuery,
} from '../common/csv/csv-routes.js';
import { dateTimeColumn, decimalColumn, wordsColumn } from '../common/csv/csv-export.js';
import { OPPORTUNITY_STAGE_WORDS, TRAFFIC_WORDS, TRANSPORT_MODE_WORDS } from '../common/csv/csv-words.js';
import { OpportunitiesService } from './opportunities.service.js';

const OPPORTUNITY_CSV_COLUMNS: readonly CsvColumn<Opportunity>[] = [
  { field: 'title', fr: 'Titre', en: 'Title' },
  { field: 'customerName', fr: 'Client', en: 'Customer' },
  wordsColumn({ field: 'stage', fr: 'Étape', en: 'Stage' }, OPPORTUNITY_STAGE_WORDS),
  decimalColumn({ field: 'value.amount', fr: 'Montant', en: 'Amount' }, (r) => r.value?.amount),
  { field: 'value.currency', fr: 'Devise', en: 'Currency', value: (r) => r.value?.currency },
  { field: 'probability', fr: 'Probabilité (%)', en: 'Probability (%)' },
  { field: 'expectedCloseDate', fr: 'Clôture prévue', en: 'Expected close' },
  { field: 'origin', fr: 'Origine', en: 'Origin' },
  { field: 'destination', fr: 'Destination', en: 'Destination' },
  wordsColumn({ field: 'transportType', fr: 'Mode', en: 'Mode' }, TRANSPORT_MODE_WORDS),
  wordsColumn({ field: 'traffic', fr: 'Trafic', en: 'Traffic' }, TRAFFIC_WORDS),
  { field: 'competitors', fr: 'Concurrents', en: 'Competitors' },
  // User ids: the list row carries no names (the SPA resolves them from the staff directory).
  { field: 'assignedTo', fr: 'Assigné à', en: 'Assigned to' },
  dateTimeColumn({ field: 'closedAt', fr: 'Clôturée le', en: 'Closed at' }),
  dateTimeColumn({ field: 'createdAt', fr: 'Créée le', en: 'Created at' }),
];

/** CSV export of the opportunities list with the list's filters and visibility. */
@Controller('api/opportunities')
export class OpportunitiesCsvController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @CsvExportRoute('opportunities:read', 'The filtered opportunities as CSV (UTF-8 with BOM).')
  exportCsv(
    @CurrentUser() user: AuthUser,
    @ExportQuery(OpportunityListQuerySchema) query: ListExportQuery<OpportunityListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile(
      (q) => this.opportunities.list(user, q),
      query,
      OPPORTUNITY_CSV_COLUMNS,
      'opportunities',
    );
  }
}
