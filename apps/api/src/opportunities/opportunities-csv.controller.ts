import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { OpportunityListQuerySchema, type Opportunity, type OpportunityListQuery } from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import {
  collectPages,
  csvFile,
  exportQuerySchema,
  toCsv,
  type CsvColumn,
  type ExportOptions,
} from '../common/csv/csv-export.js';
import { ZodValidationPipe } from '../common/validation.js';
import { ReturnsFile } from '../docs/api-docs.decorators.js';
import { OpportunitiesService } from './opportunities.service.js';

type OpportunityExportQuery = Omit<OpportunityListQuery, 'page' | 'pageSize'> & ExportOptions;
const opportunity = (row: Record<string, unknown>) => row as unknown as Opportunity;

const OPPORTUNITY_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'title', fr: 'Titre', en: 'Title' },
  { field: 'customerName', fr: 'Client', en: 'Customer' },
  { field: 'stage', fr: 'Étape', en: 'Stage' },
  { field: 'value.amount', fr: 'Montant', en: 'Amount', value: (r) => opportunity(r).value?.amount },
  { field: 'value.currency', fr: 'Devise', en: 'Currency', value: (r) => opportunity(r).value?.currency },
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

  @Get('export.csv')
  @ReturnsFile('text/csv', 'The filtered opportunities as CSV (UTF-8 with BOM).')
  @RequirePermission('opportunities:read')
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(exportQuerySchema(OpportunityListQuerySchema)))
    query: OpportunityExportQuery,
  ): Promise<StreamableFile> {
    const rows = await collectPages((page, pageSize) =>
      this.opportunities.list(user, { ...query, page, pageSize }),
    );
    return csvFile(toCsv(rows, OPPORTUNITY_CSV_COLUMNS, query), 'opportunities');
  }
}
