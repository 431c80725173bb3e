import { Body, Controller, StreamableFile } from '@nestjs/common';
import {
  LeadListQuerySchema,
  type CsvImportQuery,
  type CsvImportReport,
  type Lead,
  type LeadListQuery,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import {
  CsvExportRoute,
  type CsvColumn,
  CsvImportRoute,
  ExportQuery,
  ImportQuery,
  listCsvFile,
  type ListExportQuery,
} from '../common/csv/csv-routes.js';
import { dateTimeColumn, decimalColumn, wordsColumn } from '../common/csv/csv-export.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { LEAD_CSV_WORDS, LeadsImportService } from './leads-import.service.js';
import { LeadsService } from './leads.service.js';

/** Codes in words (the import reads them back: leads-import.service.ts); assignees as user ids. */
export const LEAD_CSV_COLUMNS: readonly CsvColumn<Lead>[] = [
  { field: 'fullName', fr: 'Nom complet', en: 'Full name' },
  { field: 'company', fr: 'Société', en: 'Company' },
  { field: 'email', fr: 'E-mail', en: 'E-mail' },
  { field: 'phone', fr: 'Téléphone', en: 'Phone' },
  { field: 'industry', fr: 'Secteur', en: 'Industry' },
  wordsColumn({ field: 'source', fr: 'Source', en: 'Source' }, LEAD_CSV_WORDS.source),
  wordsColumn({ field: 'status', fr: 'Statut', en: 'Status' }, LEAD_CSV_WORDS.status),
  wordsColumn({ field: 'priority', fr: 'Priorité', en: 'Priority' }, LEAD_CSV_WORDS.priority),
  wordsColumn(
    { field: 'transportNeeds', fr: 'Besoins transport', en: 'Transport needs' },
    LEAD_CSV_WORDS.transportNeeds,
  ),
  wordsColumn({ field: 'traffic', fr: 'Trafic', en: 'Traffic' }, LEAD_CSV_WORDS.traffic),
  decimalColumn(
    { field: 'estimatedAnnualValue.amount', fr: 'Valeur annuelle estimée', en: 'Estimated annual value' },
    (r) => r.estimatedAnnualValue?.amount,
  ),
  {
    field: 'estimatedAnnualValue.currency',
    fr: 'Devise valeur',
    en: 'Value currency',
    value: (r) => r.estimatedAnnualValue?.currency,
  },
  { field: 'currentProvider', fr: 'Prestataire actuel', en: 'Current provider' },
  { field: 'nextFollowUpDate', fr: 'Prochaine relance', en: 'Next follow-up' },
  { field: 'assignedTo', fr: 'Assigné à', en: 'Assigned to' },
  { field: 'tags', fr: 'Étiquettes', en: 'Tags' },
  dateTimeColumn({ field: 'createdAt', fr: 'Créé le', en: 'Created at' }),
];

/** CSV export of the leads list (the list's filters and visibility) and CSV import of leads. */
@Controller('api/leads')
export class LeadsCsvController {
  constructor(
    private readonly leads: LeadsService,
    private readonly imports: LeadsImportService,
  ) {}

  @CsvExportRoute('leads:read', 'The filtered leads as CSV (UTF-8 with BOM).')
  exportCsv(
    @CurrentUser() user: AuthUser,
    @ExportQuery(LeadListQuerySchema) query: ListExportQuery<LeadListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile((q) => this.leads.list(user, q), query, LEAD_CSV_COLUMNS, 'leads');
  }

  /** Body: the CSV (text/csv). Dry run by default; see CsvImportQuerySchema. */
  @CsvImportRoute('leads:write')
  importCsv(
    @CurrentActor() actor: Actor,
    @ImportQuery() query: CsvImportQuery,
    @Body() csv: unknown,
  ): Promise<CsvImportReport> {
    return this.imports.run(actor, csv, query);
  }
}
