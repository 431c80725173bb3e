import { Injectable } from '@nestjs/common';
import { LeadCreateSchema, type CsvImportQuery, type CsvImportReport } from '@velosi/contracts';
import { runCsvImport, type ImportField } from '../common/csv/csv-import.js';
import { ownedBy, type Actor } from '../common/records/actor.js';
import { Assignments } from '../staff/assignment.js';
import { assigneeErrors } from '../staff/import-assignees.js';
import { leadColumns } from './leads.records.js';
import { LeadsRepository } from './leads.repository.js';

/** The leads export's headers an import reads back (status, source… as the API spells them). */
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
  { field: 'source', fr: 'Source', en: 'Source' },
  { field: 'status', fr: 'Statut', en: 'Status' },
  { field: 'priority', fr: 'Priorité', en: 'Priority' },
  { field: 'transportNeeds', fr: 'Besoins transport', en: 'Transport needs', kind: 'list' },
  { field: 'traffic', fr: 'Trafic', en: 'Traffic' },
  { field: 'estimatedAnnualValue.amount', fr: 'Valeur annuelle estimée', en: 'Estimated annual value' },
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
