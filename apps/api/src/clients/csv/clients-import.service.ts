import { Injectable } from '@nestjs/common';
import {
  ClientCreateSchema,
  type ClientCreate,
  type CsvImportError,
  type CsvImportQuery,
  type CsvImportReport,
} from '@velosi/contracts';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { dateTimeColumn, type CsvColumn } from '../../common/csv/csv-export.js';
import { runCsvImport, type ImportField, type ImportRow } from '../../common/csv/csv-import.js';
import { ownedBy, type Actor } from '../../common/records/actor.js';
import { Assignments } from '../../staff/assignment.js';
import { assigneeErrors } from '../../staff/import-assignees.js';
import { ClientsRepository } from '../clients.repository.js';
import { clients } from '../clients.table.js';

/**
 * Columns of the clients export, which are also the headers the import recognises. Country,
 * currency and language stay ISO codes (`TN`, `EUR`, `fr`: the list shows the first two so) and
 * assignees user ids (a client row carries no names): the import reads them back as written.
 */
export const CLIENT_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'name', fr: 'Raison sociale', en: 'Company name' },
  { field: 'fiscalId', fr: 'Matricule fiscal', en: 'Tax id' },
  { field: 'address', fr: 'Adresse', en: 'Address' },
  { field: 'city', fr: 'Ville', en: 'City' },
  { field: 'country', fr: 'Pays', en: 'Country' },
  { field: 'currency', fr: 'Devise', en: 'Currency' },
  { field: 'language', fr: 'Langue', en: 'Language' },
  { field: 'assignedTo', fr: 'Assigné à', en: 'Assigned to' },
  dateTimeColumn({ field: 'createdAt', fr: 'Créé le', en: 'Created at' }),
];

const CLIENT_IMPORT_FIELDS: readonly ImportField[] = [
  {
    field: 'name',
    fr: 'Raison sociale',
    en: 'Company name',
    required: true,
    aliases: ['Nom', 'Name', 'Client', 'Société', 'Company'],
  },
  {
    field: 'fiscalId',
    fr: 'Matricule fiscal',
    en: 'Tax id',
    aliases: ['MF', 'Tax number', 'VAT number', 'Identifiant fiscal'],
  },
  { field: 'address', fr: 'Adresse', en: 'Address' },
  { field: 'city', fr: 'Ville', en: 'City' },
  { field: 'country', fr: 'Pays', en: 'Country' },
  { field: 'currency', fr: 'Devise', en: 'Currency' },
  { field: 'language', fr: 'Langue', en: 'Language' },
  { field: 'assignedTo', fr: 'Assigné à', en: 'Assigned to', kind: 'list' },
];

/** The unique key of migration 0005's `tax_id_key` (letters and digits only, upper case). */
const taxIdKey = (fiscalId: string) => fiscalId.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/**
 * Client import: each row is a POST /api/clients (same contract, same assignment rules, same
 * tax-id uniqueness against live clients and within the file), written by batch.
 */
@Injectable()
export class ClientsImportService {
  constructor(
    private readonly records: ClientsRepository,
    private readonly assignments: Assignments,
  ) {}

  run(actor: Actor, csv: unknown, query: CsvImportQuery): Promise<CsvImportReport> {
    return runCsvImport(this.records.db, csv, query, {
      fields: CLIENT_IMPORT_FIELDS,
      schema: ClientCreateSchema,
      check: (rows) => this.check(actor, rows),
      insert: async (tx, rows) => {
        const values = rows.map(({ value }) => ({ ...value, ...ownedBy(actor, value.assignedTo) }));
        await this.records.createMany(tx, actor, values);
        return [];
      },
    });
  }

  private async check(actor: Actor, rows: readonly ImportRow<ClientCreate>[]): Promise<CsvImportError[]> {
    return [...(await this.checkTaxIds(rows)), ...(await assigneeErrors(this.assignments, actor, rows))];
  }

  private async checkTaxIds(rows: readonly ImportRow<ClientCreate>[]): Promise<CsvImportError[]> {
    const keyed = rows
      .map((row) => ({ line: row.line, key: row.value.fiscalId ? taxIdKey(row.value.fiscalId) : '' }))
      .filter((row) => row.key !== '');
    const taken = new Set<string>();
    const keys = [...new Set(keyed.map((row) => row.key))];
    for (let start = 0; start < keys.length; start += 1000) {
      const slice = keys.slice(start, start + 1000);
      const found = await this.records.db
        .select({ key: sql<string>`tax_id_key(${clients.fiscalId})` })
        .from(clients)
        .where(and(isNull(clients.archivedAt), inArray(sql`tax_id_key(${clients.fiscalId})`, slice)));
      for (const row of found) taken.add(row.key);
    }
    const errors: CsvImportError[] = [];
    const seen = new Map<string, number>();
    for (const { line, key } of keyed) {
      if (taken.has(key))
        errors.push({ line, field: 'fiscalId', reason: 'a client with this tax id already exists' });
      else if (seen.has(key)) {
        errors.push({ line, field: 'fiscalId', reason: `same tax id as line ${seen.get(key)}` });
      } else seen.set(key, line);
    }
    return errors;
  }
}
