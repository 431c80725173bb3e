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
import { OpportunitiesService } from './opportunities.service.js';

const OPPORTUNITY_CSV_COLUMNS: readonly CsvColumn<Opportunity>[] = [
  { field: 'title', fr: 'Titre', en: 'Title' },
  { field: 'customerName', fr: 'Client', en: 'Customer' },
  { field: 'stage', fr: 'Étape', en: 'Stage' },
  { field: 'value.amount', fr: 'Montant', en: 'Amount', value: (r) => r.value?.amount },
  { field: 'value.currency', fr: 'Devise', en: 'Currency', value: (r) => r.value?.currency },
  { field: 'probability', fr: 'Probabilité (%)', en: 'Probability (%)' },
  { field: 'expectedCloseDate', fr: 'Clôture prévue', en: 'Expected close' },
  { field: 'origin', fr: 'Origine', en: 'Origin' },
  { field: 'destination', fr: 'Destination', en: 'Destination' },
  { field: 'transportType', fr: 'Mode', en: 'Mode' },
  { field: 'traffic', fr: 'Trafic', en: 'Traffic' },
  { field: 'competitors', fr: 'Concurrents', en: 'Competitors' },
  { field: 'assignedTo', fr: 'Assigné à', en: 'Assigned to' },
  { field: 'closedAt', fr: 'Clôturée le', en: 'Closed at' },
  { field: 'createdAt', fr: 'Créée le', en: 'Created at' },
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
