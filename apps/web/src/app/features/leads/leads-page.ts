import { Component, computed, inject } from '@angular/core';
import type { ArchivedFilter, LEAD_SORT_FIELDS, Lead, LeadStatus } from '@velosi/contracts';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ArchivedToggle } from '../../shared/list/filters/archived-toggle';
import { ListPageState } from '../../shared/list/list-page-state';
import { LeadsApi } from './leads-api';
import { todayIso } from '../quotes/quote-options';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { RecordCreation } from '../../shared/list/record-creation';
import { LEAD_STATUSES } from '../../shared/sales/sales-options';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { LeadFormDialog, LeadFormDialogData } from './lead-form-dialog';
import { CsvExportButton } from '../../shared/csv/csv-export-button';
import { CsvImportButton } from '../../shared/csv/csv-import-button';

/** The sortable headers (and the default order), checked against the API's sort fields. */
const SORTABLE = [
  'createdAt',
  'fullName',
  'status',
  'priority',
  'nextFollowUpDate',
] as const satisfies readonly (typeof LEAD_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type LeadFilters = { status: LeadStatus[]; archived: ArchivedFilter };

/** Leads no one follows up any more: their follow-up date is history, not a task. */
const CLOSED_LEAD_STATUSES: readonly LeadStatus[] = ['converted', 'lost', 'unqualified'];

/** Prospects: search, filter by status, sort, page through; create one. */
@Component({
  selector: 'app-leads-page',
  imports: [LIST_PAGE, ListCreateButton, CsvExportButton, CsvImportButton, ArchivedToggle, ListSelectFilter],
  templateUrl: './leads-page.html',
  styleUrl: '../../shared/list/list-page.scss',
})
export class LeadsPage {
  private readonly api = inject(LeadsApi);
  private readonly creation = inject(RecordCreation);
  protected readonly lang = inject(LanguageService).active;
  private readonly session = inject(SessionStore);
  protected readonly canWrite = computed(() => this.session.can('leads:write'));

  protected readonly statuses = LEAD_STATUSES;
  private readonly today = todayIso();

  /** A follow-up date past while the lead is still being worked (as the activities list flags them). */
  protected isLate(lead: Lead): boolean {
    return (
      !!lead.nextFollowUpDate &&
      lead.nextFollowUpDate < this.today &&
      !CLOSED_LEAD_STATUSES.includes(lead.status)
    );
  }

  protected readonly list = new ListPageState<Lead, LeadFilters>({
    fetch: (query) => this.api.page(query),
    filters: { status: [], archived: 'false' },
    sort: { initial: { active: 'createdAt', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<Lead>('leads', 'lead');

  constructor() {
    registerSalesIcons();
  }

  protected create(): void {
    const data: LeadFormDialogData = { mode: 'create' };
    this.creation.createAndOpen<LeadFormDialogData, Lead>(LeadFormDialog, data, {
      width: '760px',
      route: '/leads',
      notice: (lead) => ({ key: 'leads.created', params: { name: lead.fullName } }),
    });
  }
}
