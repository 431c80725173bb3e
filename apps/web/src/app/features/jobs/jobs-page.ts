import { Component, computed, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { JOB_SORT_FIELDS, Job, JobStatus, TransportMode } from '@velosi/contracts';

import { LIST_PAGE } from '../../shared/list/list-page';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { CsvExportButton } from '../../shared/csv/csv-export-button';
import { DateField } from '../../shared/fields/dates/date-field';
import { JobStaffDirectory } from '../../shared/fields/staff-directory';
import { FlagFilter } from '../../shared/list/filters/flag-filter';
import { ListClientFilter } from '../../shared/list/filters/list-client-filter';
import { ListPageState } from '../../shared/list/list-page-state';
import { JobsApi } from './jobs-api';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { JOB_STATUSES, MODES, jobStatusClass } from './job-options';

/** Sortable on the API (JOB_SORT_FIELDS); the other headers are not clickable. */
const SORTABLE = [
  'number',
  'clientName',
  'etd',
  'eta',
  'status',
] as const satisfies readonly (typeof JOB_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type JobFilters = {
  status: JobStatus[];
  mode: TransportMode[];
  clientId: string;
  assignedTo: string;
  etdFrom: string;
  etdTo: string;
  etaFrom: string;
  etaTo: string;
  overdue: string;
  toInvoice: string;
};

const DATE_FILTERS = ['etdFrom', 'etdTo', 'etaFrom', 'etaTo'] as const;

/** Job files: search, filter (status, mode, client, dates, assignee, overdue), sort, page through. */
@Component({
  selector: 'app-jobs-page',
  imports: [
    LIST_PAGE,
    CsvExportButton,
    DateField,
    FlagFilter,
    ListSelectFilter,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    OwnerNamesPipe,
    ListClientFilter,
  ],
  templateUrl: './jobs-page.html',
  styleUrls: ['../../shared/list/list-page.scss', './jobs.scss'],
})
export class JobsPage {
  private readonly api = inject(JobsApi);
  private readonly session = inject(SessionStore);
  /** The assignee filter's choices: the operations staff (`GET /api/staff/jobs`). */
  protected readonly staff = inject(JobStaffDirectory);
  protected readonly lang = inject(LanguageService).active;

  protected readonly statuses = JOB_STATUSES;
  protected readonly modes = MODES;
  protected readonly dateFilters = DATE_FILTERS;
  protected readonly statusClass = jobStatusClass;

  protected readonly list = new ListPageState<Job, JobFilters>({
    fetch: (query) => this.api.page(query),
    filters: {
      status: [],
      mode: [],
      clientId: '',
      assignedTo: '',
      etdFrom: '',
      etdTo: '',
      etaFrom: '',
      etaTo: '',
      overdue: '',
      toInvoice: '',
    },
    sort: { initial: { active: 'number', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly etaClass = (job: Job): string => (job.overdue ? 'nowrap overdue' : 'nowrap');

  protected readonly rows = recordRows<Job>('jobs', 'job', {
    key: (job) => job.number,
    tone: (job) => (job.overdue ? 'late' : null),
  });

  constructor() {
    registerSalesIcons();
    this.staff.load();
  }

  /** Who invoices jobs gets the "to invoice" filter (jobs with a revenue line no invoice bills). */
  protected readonly invoices = computed(() => this.session.can('invoices:write'));
}
