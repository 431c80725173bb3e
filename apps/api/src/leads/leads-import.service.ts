import { Injectable } from '@nestjs/common';
import { LeadCreateSchema, type CsvImportQuery, type CsvImportReport } from '@velosi/contracts';
import { runCsvImport, type ImportField } from '../common/csv/csv-import.js';
import {
  LEAD_PRIORITY_WORDS,
  LEAD_SOURCE_WORDS,
  LEAD_STATUS_WORDS,
  TRAFFIC_WORDS,
  TRANSPORT_NEED_WORDS,
} from '../common/csv/csv-words.js';
import { ownedBy, type Actor } from '../common/records/actor.js';
import { Assignments } from '../staff/assignment.js';
import { assigneeErrors } from '../staff/import-assignees.js';
import { leadColumns } from './leads.records.js';
import { LeadsRepository } from './leads.repository.js';

/**
 * The words of the leads file's coded fields, one map per field for both sides: the export
 * (leads-csv.controller.ts) writes them, the import reads them back.
 */
export const LEAD_CSV_WORDS = {
  source: LEAD_SOURCE_WORDS,
  status: LEAD_STATUS_WORDS,
  priority: LEAD_PRIORITY_WORDS,
  transportNeeds: TRANSPORT_NEED_WORDS,
  traffic: TRAFFIC_WORDS,
} as const;

/**
 * The leads export's headers an import reads back; status, source… in the export's words (French
 * or English, whichever the file was exported in) or as the API spells them.
 */
const LEAD_IMPORT_FIELDS: readonly ImportField[] = [
  {
    field: 'fullName',
    fr: 'Nom complet',
    en: 'Full name',
    required: true,
    aliases: ['Nom', 'Name', 'Contact'],
  },
  { field: 'company', fr: 'Société', en: 'Company', aliases: ['Entreprise'] },
  { field: 'email', fr: 'E-mail', en: 'E-mail', aliases: ['Email', 'Courriel'] },
  { field: 'phone', fr: 'Téléphone', en: 'Phone', aliases: ['Tel', 'Tél'] },
  { field: 'industry', fr: 'Secteur', en: 'Industry' },
  { field: 'source', fr: 'Source', en: 'Source', words: LEAD_CSV_WORDS.source },
  { field: 'status', fr: 'Statut', en: 'Status', words: LEAD_CSV_WORDS.status },
  { field: 'priority', fr: 'Priorité', en: 'Priority', words: LEAD_CSV_WORDS.priority },
  {
    field: 'transportNeeds',
    fr: 'Besoins transport',
    en: 'Transport needs',
    kind: 'list',
    words: LEAD_CSV_WORDS.transportNeeds,
  },
  { field: 'traffic', fr: 'Trafic', en: 'Traffic', words: LEAD_CSV_WORDS.traffic },
  {
    field: 'estimatedAnnualValue.amount',
    fr: 'Valeur annuelle estimée',
    en: 'Estimated annual value',
    kind: 'decimal',
  },
  { field: 'estimatedAnnualValue.currency', fr: 'Devise valeur', en: 'Value currency' },
  { field: 'currentProvider', fr: 'Prestataire actuel', en: 'Current provider' },
  { field: 'nextFollowUpDate', fr: 'Prochaine relance', en: 'Next follow-up' },
  { field: 'assignedTo', fr: 'Assigné à', en: 'Assigned to', kind: 'list' },
  { field: 'tags', fr: 'Étiquettes', en: 'Tags', kind: 'list' },
];

/** Lead import: each row is a POST /api/leads (same contract and assignment rules), by batch. */
@Injectable()
export class LeadsImportService {
  constructor(
    private readonly records: LeadsRepository,
    private readonly assignments: Assignments,
  ) {}

  run(actor: Actor, csv: unknown, query: CsvImportQuery): Promise<CsvImportReport> {
    return runCsvImport(this.records.db, csv, query, {
      fields: LEAD_IMPORT_FIELDS,
      schema: LeadCreateSchema,
      check: (rows) => assigneeErrors(this.assignments, actor, rows),
      insert: async (tx, rows) => {
        const values = rows.map(({ value }) => ({
          ...leadColumns(value),
          ...ownedBy(actor, value.assignedTo),
        }));
        await this.records.createMany(tx, actor, values);
        return [];
      },
    });
  }
}
