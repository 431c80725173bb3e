import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { JOB_SORT_FIELDS, Job, JobStatus, TransportMode } from '@velosi/contracts';

import { LanguageService } from '../../core/i18n/language.service';
import { CsvExportButton } from '../../shared/csv/csv-export-button';
import { DateField } from '../../shared/fields/dates/date-field';
import { JobStaffDirectory } from '../../shared/fields/staff-directory';
import { ListCard } from '../../shared/list/list-card';
import { ListPageState } from '../../shared/list/list-page-state';
import { JobsApi } from './jobs-api';
import { ListSelectFilter } from '../../shared/list/list-select-filter';
import { ListRows, ListTable } from '../../shared/list/list-table';
import { ListToolbar } from '../../shared/list/list-toolbar';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { RecordPicker } from '../../shared/ui/record-picker/record-picker';
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
};

const DATE_FILTERS = ['etdFrom', 'etdTo', 'etaFrom', 'etaTo'] as const;

/** Job files: search, filter (status, mode, client, dates, assignee, overdue), sort, page through. */
@Component({
  selector: 'app-jobs-page',
  imports: [
    CsvExportButton,
    DateField,
    ListCard,
    ListSelectFilter,
    ListTable,
    ListToolbar,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    OwnerNamesPipe,
    PageHeader,
    ReactiveFormsModule,
    RecordPicker,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './jobs-page.html',
  styleUrls: ['../../shared/list/list-page.scss', './jobs.scss'],
})
export class JobsPage {
  private readonly api = inject(JobsApi);
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
    },
    sort: { initial: { active: 'number', direction: 'desc' }, allowed: SORTABLE },
  });
  /** The client filter's picker; its value follows the list's filter (and the address). */
  protected readonly client = new FormControl<string | null>(this.list.filters.clientId() || null);

  protected readonly rows: ListRows<Job> = {
    testid: 'jobs-table',
    rowTestid: (job) => `job-row-${job.number}`,
    link: (job) => ['/jobs', job.id],
    tone: (job) => (job.overdue ? 'late' : null),
  };

  constructor() {
    registerSalesIcons();
    this.staff.load();
    this.client.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((id) => this.list.filters.clientId.set(id ?? ''));
  }

  protected setDate(key: (typeof DATE_FILTERS)[number], value: string): void {
    this.list.filters[key].set(value);
  }

  protected toggleOverdue(): void {
    this.list.filters.overdue.set(this.list.filters.overdue() ? '' : 'true');
  }

  /** The picker is not the list's: it follows "clear filters" here. */
  protected clearClient(): void {
    this.client.setValue(null, { emitEvent: false });
  }
}
