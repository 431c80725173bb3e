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
import { dateTimeColumn, wordsColumn } from '../../common/csv/csv-export.js';
import { JOB_STATUS_WORDS, TRAFFIC_WORDS, TRANSPORT_MODE_WORDS } from '../../common/csv/csv-words.js';
import { JobsService } from '../domain/jobs.service.js';

const JOB_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'number', fr: 'Dossier', en: 'Job' },
  wordsColumn({ field: 'status', fr: 'Statut', en: 'Status' }, JOB_STATUS_WORDS),
  { field: 'quoteNumber', fr: 'Cotation', en: 'Quote' },
  { field: 'clientName', fr: 'Client', en: 'Client' },
  wordsColumn({ field: 'mode', fr: 'Mode', en: 'Mode' }, TRANSPORT_MODE_WORDS),
  wordsColumn({ field: 'direction', fr: 'Trafic', en: 'Traffic' }, TRAFFIC_WORDS),
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
  dateTimeColumn({ field: 'createdAt', fr: 'Créé le', en: 'Created at' }),
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
