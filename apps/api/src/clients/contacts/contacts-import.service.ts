import { Injectable } from '@nestjs/common';
import {
  ContactCreateSchema,
  type ContactCreate,
  type CsvImportError,
  type CsvImportQuery,
  type CsvImportReport,
} from '@velosi/contracts';
import { runCsvImport, type ImportField, type ImportRow } from '../../common/csv/csv-import.js';
import type { Actor } from '../../common/records/actor.js';
import { ClientsRepository } from '../clients.repository.js';
import { ContactsService } from './contacts.service.js';

/** The contacts export's headers (clients-csv.controller.ts), read back. */
const CONTACT_IMPORT_FIELDS: readonly ImportField[] = [
  { field: 'lastName', fr: 'Nom', en: 'Last name', required: true, aliases: ['Name', 'Nom de famille'] },
  { field: 'firstName', fr: 'Prénom', en: 'First name' },
  { field: 'position', fr: 'Fonction', en: 'Position', aliases: ['Poste', 'Job title'] },
  { field: 'phones', fr: 'Téléphones', en: 'Phones', kind: 'list', aliases: ['Téléphone', 'Phone'] },
  { field: 'emails', fr: 'E-mails', en: 'E-mails', kind: 'list', aliases: ['E-mail', 'Email', 'Emails'] },
  { field: 'isPrimary', fr: 'Principal', en: 'Primary', kind: 'boolean' },
];

/** One primary contact per client: a file marking several keeps the first. */
function extraPrimaries(rows: readonly ImportRow<ContactCreate>[]): CsvImportError[] {
  const primaries = rows.filter((row) => row.value.isPrimary);
  return primaries.slice(1).map(({ line }) => ({
    line,
    field: 'isPrimary',
    reason: `only one primary contact per client (line ${primaries[0]?.line} is)`,
  }));
}

/**
 * Contacts of one client from a CSV: the client must be one the caller may edit (404 otherwise,
 * like POST /api/clients/:id/contacts); a primary contact in the file demotes the current one.
 */
@Injectable()
export class ContactsImportService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly contacts: ContactsService,
  ) {}

  async run(actor: Actor, clientId: string, csv: unknown, query: CsvImportQuery): Promise<CsvImportReport> {
    await this.clients.require(this.clients.db, actor.user, clientId, { mode: 'write' });
    return runCsvImport(this.clients.db, csv, query, {
      fields: CONTACT_IMPORT_FIELDS,
      schema: ContactCreateSchema,
      check: (rows) => Promise.resolve(extraPrimaries(rows)),
      insert: async (tx, rows) => {
        for (const { value } of rows) await this.contacts.insert(tx, actor, clientId, value);
        return [];
      },
    });
  }
}
