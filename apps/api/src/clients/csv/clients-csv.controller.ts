import { Body, Controller, Param, StreamableFile } from '@nestjs/common';
import {
  ClientListQuerySchema,
  ContactListQuerySchema,
  type ClientListQuery,
  type ContactListQuery,
  type CsvImportQuery,
  type CsvImportReport,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import {
  CsvExportRoute,
  CsvImportRoute,
  ExportQuery,
  ImportQuery,
  listCsvFile,
  type CsvColumn,
  type ListExportQuery,
} from '../../common/csv/csv-routes.js';
import { wordsColumn } from '../../common/csv/csv-export.js';
import { YES_NO_WORDS } from '../../common/csv/csv-words.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { CLIENT_CSV_COLUMNS, ClientsImportService } from './clients-import.service.js';
import { ClientsService } from '../clients.service.js';
import { ContactsImportService } from '../contacts/contacts-import.service.js';
import { ContactsService } from '../contacts/contacts.service.js';

const CONTACT_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'lastName', fr: 'Nom', en: 'Last name' },
  { field: 'firstName', fr: 'Prénom', en: 'First name' },
  { field: 'position', fr: 'Fonction', en: 'Position' },
  { field: 'phones', fr: 'Téléphones', en: 'Phones' },
  { field: 'emails', fr: 'E-mails', en: 'E-mails' },
  // Oui/Non, Yes/No: words the contacts import reads as booleans.
  wordsColumn({ field: 'isPrimary', fr: 'Principal', en: 'Primary' }, YES_NO_WORDS),
];

/** CSV export and import of the clients list and of a client's contacts. */
@Controller('api/clients')
export class ClientsCsvController {
  constructor(
    private readonly clients: ClientsService,
    private readonly contacts: ContactsService,
    private readonly imports: ClientsImportService,
    private readonly contactImports: ContactsImportService,
  ) {}

  /** The list with the same filters as CSV (UTF-8 with BOM), what the caller can list only. */
  @CsvExportRoute('clients:read', 'The filtered clients as CSV (UTF-8 with BOM).')
  exportCsv(
    @CurrentUser() user: AuthUser,
    @ExportQuery(ClientListQuerySchema) query: ListExportQuery<ClientListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile((q) => this.clients.list(user, q), query, CLIENT_CSV_COLUMNS, 'clients');
  }

  /** Body: the CSV (text/csv). Dry run by default; see CsvImportQuerySchema. */
  @CsvImportRoute('clients:write')
  importCsv(
    @CurrentActor() actor: Actor,
    @ImportQuery() query: CsvImportQuery,
    @Body() csv: unknown,
  ): Promise<CsvImportReport> {
    return this.imports.run(actor, csv, query);
  }

  @CsvExportRoute(
    'clients:read',
    "The client's contacts as CSV (UTF-8 with BOM).",
    ':clientId/contacts/export.csv',
  )
  exportContactsCsv(
    @CurrentUser() user: AuthUser,
    @Param('clientId', RecordIdPipe) clientId: string,
    @ExportQuery(ContactListQuerySchema) query: ListExportQuery<ContactListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile((q) => this.contacts.list(user, clientId, q), query, CONTACT_CSV_COLUMNS, 'contacts');
  }

  /** Contacts of one client from a CSV (text/csv body); dry run by default. */
  @CsvImportRoute('clients:write', ':clientId/contacts/import')
  importContactsCsv(
    @CurrentActor() actor: Actor,
    @Param('clientId', RecordIdPipe) clientId: string,
    @ImportQuery() query: CsvImportQuery,
    @Body() csv: unknown,
  ): Promise<CsvImportReport> {
    return this.contactImports.run(actor, clientId, csv, query);
  }
}
