import { Controller, StreamableFile } from '@nestjs/common';
import { JobListQuerySchema, type JobListQuery } from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import {
  CsvExportRoute,
  type CsvColumn,
  ExportQuery,
  listCsvFile,
  type ListExportQuery,
} from '../../common/csv/csv-routes.js';
import { csvDateTime, wordsColumn } from '../../common/csv/csv-export.js';
import { JobsService } from '../domain/jobs.service.js';
import { JOB_CSV_WORDS } from './jobs-csv-words.js';

const JOB_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'number', fr: 'Dossier', en: 'Job' },
  wordsColumn({ field: 'status', fr: 'Statut', en: 'Status' }, JOB_CSV_WORDS.status),
  { field: 'quoteNumber', fr: 'Cotation', en: 'Quote' },
  { field: 'clientName', fr: 'Client', en: 'Client' },
  wordsColumn({ field: 'mode', fr: 'Mode', en: 'Mode' }, JOB_CSV_WORDS.mode),
  wordsColumn({ field: 'direction', fr: 'Trafic', en: 'Traffic' }, JOB_CSV_WORDS.direction),
  { field: 'originName', fr: 'Origine', en: 'Origin' },
  { field: 'destinationName', fr: 'Destination', en: 'Destination' },
  { field: 'carrierName', fr: 'Transporteur', en: 'Carrier' },
  { field: 'bookingNumber', fr: 'Booking', en: 'Booking' },
  { field: 'vesselName', fr: 'Navire', en: 'Vessel' },
  { field: 'voyageNumber', fr: 'Voyage', en: 'Voyage' },
  { field: 'flightNumber', fr: 'Vol', en: 'Flight' },
  { field: 'mblNumber', fr: 'MBL', en: 'MBL' },
  { field: 'hblNumber', fr: 'HBL', en: 'HBL' },
  { field: 'mawbNumber', fr: 'LTA master', en: 'MAWB' },
  { field: 'etd', fr: 'ETD', en: 'ETD' },
  { field: 'eta', fr: 'ETA', en: 'ETA' },
  { field: 'atd', fr: 'ATD', en: 'ATD' },
  { field: 'ata', fr: 'ATA', en: 'ATA' },
  {
    field: 'createdAt',
    fr: 'Créé le',
    en: 'Created at',
    value: (row) => csvDateTime(typeof row['createdAt'] === 'string' ? row['createdAt'] : null),
  },
];

/** CSV export of the jobs list with the list's filters and visibility (no buy prices or profit). */
@Controller('api/jobs')
export class JobsCsvController {
  constructor(private readonly jobs: JobsService) {}

  @CsvExportRoute('jobs:read', 'The filtered jobs as CSV (UTF-8 with BOM).')
  exportCsv(
    @CurrentUser() user: AuthUser,
    @ExportQuery(JobListQuerySchema) query: ListExportQuery<JobListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile((q) => this.jobs.list(user, q), query, JOB_CSV_COLUMNS, 'jobs');
  }
}
