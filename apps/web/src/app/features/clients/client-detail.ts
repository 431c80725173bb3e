import { HttpClient, HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Activity, Client, Contact, Opportunity } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { formatMoney } from '../../shared/sales/money';
import { listParams, parsePage } from '../../shared/sales/record-api';
import { RecordsHttp } from '../../shared/sales/records-http';
import { ConfirmDialog, ConfirmDialogData } from '../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { Timeline } from '../../shared/ui/timeline/timeline';
import { ActivityFormDialog, ActivityFormDialogData } from '../activities/activity-form-dialog';
import { OpportunityFormDialog, OpportunityFormDialogData } from '../opportunities/opportunity-form-dialog';
import { ClientFormDialog, ClientFormDialogData } from './client-form-dialog';
import { ContactFormDialog, ContactFormDialogData } from './contact-form-dialog';

/** A client: details, contacts, opportunities, activities and timeline. */
@Component({
  selector: 'app-client-detail',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-detail.html',
  styleUrls: ['../../shared/sales/detail-page.scss', './client-detail.scss'],
})
export class ClientDetail {
  readonly id = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly records = inject(RecordsHttp);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.permissions().has('clients:write'));
  protected readonly canWriteOpportunities = computed(() =>
    this.session.permissions().has('opportunities:write'),
  );
  protected readonly canWriteActivities = computed(() => this.session.permissions().has('activities:write'));
  protected readonly formatMoney = formatMoney;
  protected readonly refresh = signal(0);

  protected readonly resource = httpResource<Client>(() => `/api/clients/${encodeURIComponent(this.id())}`);
  protected readonly client = computed(() => (this.resource.hasValue() ? this.resource.value() : undefined));
  protected readonly contacts = httpResource(
    () => ({
      url: `/api/clients/${encodeURIComponent(this.id())}/contacts`,
      params: listParams({ pageSize: 100, sort: 'lastName:asc' }),
    }),
    { parse: (raw) => parsePage<Contact>(raw).items },
  );
  protected readonly opportunities = httpResource(
    () => ({
      url: '/api/opportunities',
      params: listParams({ clientId: this.id(), pageSize: 50, sort: 'updatedAt:desc' }),
    }),
    { parse: (raw) => parsePage<Opportunity>(raw).items },
  );
  protected readonly errorStatus = computed(() => {
    const error = this.resource.error();
    if (!error) return null;
    return error instanceof HttpErrorResponse ? error.status : -1;
  });

  constructor() {
    registerSalesIcons();
  }

  protected reload(): void {
    this.resource.reload();
    this.contacts.reload();
    this.opportunities.reload();
    this.refresh.update((n) => n + 1);
  }

  protected edit(client: Client): void {
    const data: ClientFormDialogData = { mode: 'edit', client, reload: () => this.reload() };
    this.dialog
      .open(ClientFormDialog, { data, width: '680px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Client | undefined) => {
        if (!saved) return;
        this.notifier.success('sales.saved');
        this.resource.set(saved);
        this.refresh.update((n) => n + 1);
      });
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
        this.refresh.update((n) => n + 1);
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
    this.http
      .delete(`/api/clients/${encodeURIComponent(client.id)}/contacts/${encodeURIComponent(contact.id)}`, {
        params: { version: contact.version },
      })
      .subscribe({
        next: () => {
          this.notifier.success('clients.contacts.deleted');
          this.contacts.reload();
        },
        error: (error: unknown) => this.conflicts.handle(error, () => this.contacts.reload()),
      });
  }

  protected newOpportunity(client: Client): void {
    const data: OpportunityFormDialogData = { mode: 'create', clientId: client.id };
    this.dialog
      .open(OpportunityFormDialog, { data, width: '760px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Opportunity | undefined) => {
        if (saved) void this.router.navigate(['/opportunities', saved.id]);
      });
  }

  protected addActivity(client: Client): void {
    const data: ActivityFormDialogData = { mode: 'create', link: { clientId: client.id } };
    this.dialog
      .open(ActivityFormDialog, { data, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Activity | undefined) => {
        if (!saved) return;
        this.notifier.success('activities.created');
        this.refresh.update((n) => n + 1);
      });
  }

  protected async toggleArchived(client: Client): Promise<void> {
    const archive = !client.archivedAt;
    if (archive) {
      const data: ConfirmDialogData = {
        titleKey: 'sales.archive.title',
        messageKey: 'sales.archive.message',
        confirmKey: 'sales.archive.confirm',
        params: { name: client.name },
        destructive: true,
      };
      if ((await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) !== true) return;
    }
    this.records.setArchived<Client>('clients', client.id, client.version, archive).subscribe({
      next: (saved) => {
        this.notifier.success(archive ? 'sales.archive.done' : 'sales.archive.restored');
        this.resource.set(saved);
        this.refresh.update((n) => n + 1);
      },
      error: (error: unknown) => this.conflicts.handle(error, () => this.reload()),
    });
  }
}
