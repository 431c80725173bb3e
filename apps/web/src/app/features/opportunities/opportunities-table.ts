import { Component, inject } from '@angular/core';
import type {
  ArchivedFilter,
  OPPORTUNITY_SORT_FIELDS,
  Opportunity,
  OpportunityStage,
} from '@velosi/contracts';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { CustomerLink } from '../../shared/ui/customer-link';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { ArchivedToggle } from '../../shared/list/filters/archived-toggle';
import { ListPageState } from '../../shared/list/list-page-state';
import { OpportunitiesApi } from './opportunities-api';
import { ListSelectFilter } from '../../shared/list/filters/list-select-filter';
import { recordRows } from '../../shared/list/table/record-rows';
import { RecordCreation } from '../../shared/list/record-creation';
import { OPPORTUNITY_STAGES } from '../../shared/sales/sales-options';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { OpportunityFormDialog, OpportunityFormDialogData } from './opportunity-form-dialog';
import { CsvExportButton } from '../../shared/csv/csv-export-button';
import { LocalPercentPipe } from '../../shared/ui/local-percent.pipe';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';
import { StaffDirectory } from '../../shared/fields/staff-directory';

/** The sortable headers (and the default order), checked against the API's sort fields. */
const SORTABLE = [
  'createdAt',
  'title',
  'stage',
  'probability',
  'expectedCloseDate',
] as const satisfies readonly (typeof OPPORTUNITY_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type OpportunityFilters = { stage: OpportunityStage[]; archived: ArchivedFilter };

/** The opportunities as a sortable, filterable table (the kanban's alternative view). */
@Component({
  selector: 'app-opportunities-table',
  imports: [
    LocalMoneyPipe,
    LocalPercentPipe,
    LIST_PAGE,
    ListCreateButton,
    CsvExportButton,
    CustomerLink,
    OwnerNamesPipe,
    ArchivedToggle,
    ListSelectFilter,
  ],
  templateUrl: './opportunities-table.html',
  styleUrl: '../../shared/list/list-page.scss',
})
export class OpportunitiesTable {
  private readonly api = inject(OpportunitiesApi);
  private readonly creation = inject(RecordCreation);
  protected readonly lang = inject(LanguageService).active;
  protected readonly namesOwners = inject(StaffDirectory).allowed();
  protected readonly stages = OPPORTUNITY_STAGES;

  protected readonly list = new ListPageState<Opportunity, OpportunityFilters>({
    fetch: (query) => this.api.page(query),
    filters: { stage: [], archived: 'false' },
    sort: { initial: { active: 'createdAt', direction: 'desc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<Opportunity>('opportunities', 'opportunity');

  constructor() {
    registerSalesIcons();
  }

  protected create(): void {
    const data: OpportunityFormDialogData = { mode: 'create' };
    this.creation.createAndOpen<OpportunityFormDialogData, Opportunity>(OpportunityFormDialog, data, {
      width: '760px',
      route: '/opportunities',
    });
  }
}
