import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Activity, Lead, LeadConversion } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { formatMoney } from '../../shared/sales/money';
import { RecordsHttp } from '../../shared/sales/records-http';
import { ConfirmDialog, ConfirmDialogData } from '../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { Timeline } from '../../shared/ui/timeline/timeline';
import { ActivityFormDialog, ActivityFormDialogData } from '../activities/activity-form-dialog';
import { LeadConvertDialog } from './lead-convert-dialog';
import { LeadFormDialog, LeadFormDialogData } from './lead-form-dialog';

/** A prospect: its details, actions (edit, convert, archive) and timeline. */
@Component({
  selector: 'app-lead-detail',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lead-detail.html',
  styleUrl: '../../shared/sales/detail-page.scss',
})
export class LeadDetail {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly records = inject(RecordsHttp);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.permissions().has('leads:write'));
  protected readonly canConvert = computed(() => {
    const p = this.session.permissions();
    return p.has('leads:write') && p.has('clients:write') && p.has('opportunities:write');
  });
  protected readonly refresh = signal(0);
  protected readonly formatMoney = formatMoney;

  protected readonly resource = httpResource<Lead>(() => `/api/leads/${encodeURIComponent(this.id())}`);
  protected readonly lead = computed(() => (this.resource.hasValue() ? this.resource.value() : undefined));
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
    this.refresh.update((n) => n + 1);
  }

  protected edit(lead: Lead): void {
    const data: LeadFormDialogData = { mode: 'edit', lead, reload: () => this.reload() };
    this.dialog
      .open(LeadFormDialog, { data, width: '760px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Lead | undefined) => {
        if (!saved) return;
        this.notifier.success('sales.saved');
        this.resource.set(saved);
        this.refresh.update((n) => n + 1);
      });
  }

  protected convert(lead: Lead): void {
    this.dialog
      .open(LeadConvertDialog, {
        data: { lead, reload: () => this.reload() },
        width: '760px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result: LeadConversion | undefined) => {
        if (!result) return;
        this.notifier.success('leads.convert.done', { name: result.client.name });
        this.resource.set(result.lead);
        this.refresh.update((n) => n + 1);
      });
  }

  protected addActivity(lead: Lead): void {
    const data: ActivityFormDialogData = { mode: 'create', link: { leadId: lead.id } };
    this.dialog
      .open(ActivityFormDialog, { data, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Activity | undefined) => {
        if (!saved) return;
        this.notifier.success('activities.created');
        this.refresh.update((n) => n + 1);
      });
  }

  protected async toggleArchived(lead: Lead): Promise<void> {
    const archive = !lead.archivedAt;
    if (archive) {
      const data: ConfirmDialogData = {
        titleKey: 'sales.archive.title',
        messageKey: 'sales.archive.message',
        confirmKey: 'sales.archive.confirm',
        params: { name: lead.fullName },
        destructive: true,
      };
      const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
      if (confirmed !== true) return;
    }
    this.records.setArchived<Lead>('leads', lead.id, lead.version, archive).subscribe({
      next: (saved) => {
        this.notifier.success(archive ? 'sales.archive.done' : 'sales.archive.restored');
        this.resource.set(saved);
        this.refresh.update((n) => n + 1);
      },
      error: (error: unknown) => this.conflicts.handle(error, () => this.reload()),
    });
  }
}
