import { Component, computed, inject } from '@angular/core';
import type { ArchivedFilter, CLIENT_SORT_FIELDS, Client } from '@velosi/contracts';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { CsvExportButton } from '../../shared/csv/csv-export-button';
import { CsvImportButton } from '../../shared/csv/csv-import-button';
import { ArchivedToggle } from '../../shared/list/filters/archived-toggle';
import { ListPageState } from '../../shared/list/list-page-state';
import { ClientsApi } from './clients-api';
import { recordRows } from '../../shared/list/table/record-rows';
import { RecordCreation } from '../../shared/list/record-creation';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { ClientFormDialog, ClientFormDialogData } from './form/client-form-dialog';
import { VatSuspensionsCard } from './vat-suspensions-card';

/** The sortable headers, checked against the API's sort fields. */
const SORTABLE = [
  'name',
  'city',
  'country',
  'createdAt',
] as const satisfies readonly (typeof CLIENT_SORT_FIELDS)[number][];

/** Clients: search, sort, page through; create one; export the list, import a CSV. */
@Component({
  selector: 'app-clients-page',
  imports: [
    LIST_PAGE,
    ListCreateButton,
    ArchivedToggle,
    CsvExportButton,
    CsvImportButton,
    VatSuspensionsCard,
  ],
  templateUrl: './clients-page.html',
  styleUrl: '../../shared/list/list-page.scss',
})
export class ClientsPage {
  private readonly api = inject(ClientsApi);
  private readonly creation = inject(RecordCreation);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.can('clients:write'));
  protected readonly canSeeSuspensions = computed(() => this.session.can('clients:finance'));

  protected readonly list = new ListPageState<Client, { archived: ArchivedFilter }>({
    fetch: (query) => this.api.page(query),
    filters: { archived: 'false' },
    sort: { initial: { active: 'name', direction: 'asc' }, allowed: SORTABLE },
  });

  protected readonly rows = recordRows<Client>('clients', 'client');

  constructor() {
    registerSalesIcons();
  }

  protected create(): void {
    const data: ClientFormDialogData = { mode: 'create' };
    this.creation.createAndOpen<ClientFormDialogData, Client>(ClientFormDialog, data, {
      width: '680px',
      route: '/clients',
      notice: (client) => ({ key: 'clients.created', params: { name: client.name } }),
    });
  }
}
