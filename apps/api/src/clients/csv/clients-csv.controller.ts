import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ClientListQuerySchema,
  ContactListQuerySchema,
  CsvImportQuerySchema,
  CsvImportReportSchema,
  type ClientListQuery,
  type ContactListQuery,
  type CsvImportQuery,
  type CsvImportReport,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import {
  collectPages,
  csvFile,
  exportQuerySchema,
  toCsv,
  type CsvColumn,
  type ExportOptions,
} from '../../common/csv/csv-export.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns, ReturnsFile } from '../../docs/api-docs.decorators.js';
import { CLIENT_CSV_COLUMNS, ClientsImportService } from './clients-import.service.js';
import { ClientsService } from '../clients.service.js';
import { ContactsImportService } from '../contacts/contacts-import.service.js';
import { ContactsService } from '../contacts/contacts.service.js';

type ClientExportQuery = Omit<ClientListQuery, 'page' | 'pageSize'> & ExportOptions;
type ContactExportQuery = Omit<ContactListQuery, 'page' | 'pageSize'> & ExportOptions;

const CONTACT_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'lastName', fr: 'Nom', en: 'Last name' },
  { field: 'firstName', fr: 'Prénom', en: 'First name' },
  { field: 'position', fr: 'Fonction', en: 'Position' },
  { field: 'phones', fr: 'Téléphones', en: 'Phones' },
  { field: 'emails', fr: 'E-mails', en: 'E-mails' },
  { field: 'isPrimary', fr: 'Principal', en: 'Primary' },
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
  @Get('export.csv')
  @ReturnsFile('text/csv', 'The filtered clients as CSV (UTF-8 with BOM).')
  @RequirePermission('clients:read')
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(exportQuerySchema(ClientListQuerySchema))) query: ClientExportQuery,
  ): Promise<StreamableFile> {
    const rows = await collectPages((page, pageSize) =>
      this.clients.list(user, { ...query, page, pageSize }),
    );
    return csvFile(toCsv(rows, CLIENT_CSV_COLUMNS, query), 'clients');
  }

  /** Body: the CSV (text/csv). Dry run by default; see CsvImportQuerySchema. */
  @Post('import')
  @HttpCode(200)
  @Returns(CsvImportReportSchema)
  @RequirePermission('clients:write')
  importCsv(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(CsvImportQuerySchema)) query: CsvImportQuery,
    @Body() csv: unknown,
  ): Promise<CsvImportReport> {
    return this.imports.run(actor, csv, query);
  }

  @Get(':clientId/contacts/export.csv')
  @ReturnsFile('text/csv', "The client's contacts as CSV (UTF-8 with BOM).")
  @RequirePermission('clients:read')
  async exportContactsCsv(
    @CurrentUser() user: AuthUser,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Query(new ZodValidationPipe(exportQuerySchema(ContactListQuerySchema))) query: ContactExportQuery,
  ): Promise<StreamableFile> {
    const rows = await collectPages((page, pageSize) =>
      this.contacts.list(user, clientId, { ...query, page, pageSize }),
    );
    return csvFile(toCsv(rows, CONTACT_CSV_COLUMNS, query), 'contacts');
  }

  /** Contacts of one client from a CSV (text/csv body); dry run by default. */
  @Post(':clientId/contacts/import')
  @HttpCode(200)
  @Returns(CsvImportReportSchema)
  @RequirePermission('clients:write')
  importContactsCsv(
    @CurrentActor() actor: Actor,
    @Param('clientId', RecordIdPipe) clientId: string,
    @Query(new ZodValidationPipe(CsvImportQuerySchema)) query: CsvImportQuery,
    @Body() csv: unknown,
  ): Promise<CsvImportReport> {
    return this.contactImports.run(actor, clientId, csv, query);
  }
}
