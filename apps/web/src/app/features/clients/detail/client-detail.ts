import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Client, Contact, Opportunity } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { DetailHeader } from '../../../shared/detail/detail-header';
import { DetailPage } from '../../../shared/detail/detail-page';
import { DetailRecord } from '../../../shared/detail/detail-record';
import { RowActions } from '../../../shared/detail/row-actions';
import { RecordCreation } from '../../../shared/list/record-creation';
import { ConflictNotifier } from '../../../shared/sales/conflict-notifier';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { Notifier } from '../../../shared/ui/notifier';
import { registerSalesIcons } from '../../../shared/ui/sales-icons';
import { AttachmentsPanel } from '../../../shared/attachments/attachments-panel';
import { Timeline } from '../../../shared/ui/timeline/timeline';
import { ActivityCreation } from '../../activities/activity-form-dialog';
import { RecordQuotes } from '../../quotes/record-quotes';
import {
  OpportunityFormDialog,
  OpportunityFormDialogData,
} from '../../opportunities/opportunity-form-dialog';
import { ClientFiscalCard } from './client-fiscal-card';
import { ClientFormDialog, ClientFormDialogData } from '../form/client-form-dialog';
import { ContactFormDialog, ContactFormDialogData } from './contact-form-dialog';
import { CsvImportButton } from '../../../shared/csv/csv-import-button';
import { rxResource } from '@angular/core/rxjs-interop';
import { OpportunitiesApi } from '../../opportunities/opportunities-api';
import { ClientsApi } from '../clients-api';
import { LocalMoneyPipe } from '../../../shared/ui/local-money.pipe';

/** A client: details, contacts, opportunities, activities and timeline. */
@Component({
  selector: 'app-client-detail',
  imports: [
    LocalMoneyPipe,
    AttachmentsPanel,
    ClientFiscalCard,
    CsvImportButton,
    DetailHeader,
    DetailPage,
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    RecordQuotes,
    RouterLink,
    RowActions,
    Timeline,
    TranslocoDirective,
  ],
  templateUrl: './client-detail.html',
  styleUrls: ['../../../shared/sales/detail-page.scss', './client-detail.scss'],
})
export class ClientDetail {
  readonly id = input.required<string>();

  private readonly api = inject(ClientsApi);
  private readonly opportunitiesApi = inject(OpportunitiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly creation = inject(RecordCreation);
  private readonly activities = inject(ActivityCreation);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.can('clients:write'));
  protected readonly canWriteOpportunities = computed(() => this.session.can('opportunities:write'));
  protected readonly canWriteActivities = computed(() => this.session.can('activities:write'));
  // FINANCE and OPERATIONS read clients but not opportunities nor activities: those panels are
  // left out for them instead of failing with 403.
  protected readonly canReadOpportunities = computed(() => this.session.can('opportunities:read'));
  protected readonly canReadHistory = computed(() => this.session.can('activities:read'));
  protected readonly canReadQuotes = computed(() => this.session.can('quotes:read'));
  protected readonly contacts = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => this.api.contacts(id, { pageSize: 100, sort: 'lastName:asc' }),
  });
  protected readonly opportunities = rxResource({
    // No request at all for a user who may not read opportunities.
    params: () => (this.session.can('opportunities:read') ? this.id() : undefined),
    stream: ({ params: clientId }) =>
      this.opportunitiesApi.items({ clientId, pageSize: 50, sort: 'updatedAt:desc' }),
  });
  protected readonly record = new DetailRecord<Client>('clients', this.id, () => {
    this.contacts.reload();
    this.opportunities.reload();
  });

  constructor() {
    registerSalesIcons();
  }

  protected edit(client: Client): void {
    const data: ClientFormDialogData = { mode: 'edit', client, reload: () => this.record.reload() };
    this.record.edit(ClientFormDialog, data, '680px');
  }

  protected editContact(client: Client, contact?: Contact): void {
    const data: ContactFormDialogData = contact
      ? { mode: 'edit', clientId: client.id, contact, reload: () => this.contacts.reload() }
      : { mode: 'create', clientId: client.id };
    this.dialog
      .open(ContactFormDialog, { data, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Contact | undefined) => {
        if (!saved) return;
        this.notifier.success('sales.saved');
        this.contacts.reload();
        this.record.changed();
      });
  }

  protected async deleteContact(client: Client, contact: Contact): Promise<void> {
    const data: ConfirmDialogData = {
      titleKey: 'clients.contacts.deleteTitle',
      messageKey: 'clients.contacts.deleteMessage',
      confirmKey: 'clients.contacts.delete',
      params: { name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') },
      destructive: true,
    };
    if ((await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) !== true) return;
    this.api.deleteContact(client.id, contact.id, contact.version).subscribe({
      next: () => {
        this.notifier.success('clients.contacts.deleted');
        this.contacts.reload();
      },
      error: (error: unknown) => this.conflicts.handle(error, () => this.contacts.reload()),
    });
  }

  protected newOpportunity(client: Client): void {
    const data: OpportunityFormDialogData = { mode: 'create', clientId: client.id };
    this.creation.createAndOpen<OpportunityFormDialogData, Opportunity>(OpportunityFormDialog, data, {
      width: '760px',
      route: '/opportunities',
    });
  }

  protected addActivity(client: Client): void {
    this.activities.open({ clientId: client.id }).subscribe(() => this.record.changed());
  }
}
