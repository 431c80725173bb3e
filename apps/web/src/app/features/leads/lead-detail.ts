import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Lead, LeadConversion } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { DetailHeader } from '../../shared/detail/detail-header';
import { DetailPage } from '../../shared/detail/detail-page';
import { DetailRecord } from '../../shared/detail/detail-record';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { Timeline } from '../../shared/ui/timeline/timeline';
import { ActivityCreation } from '../activities/activity-form-dialog';
import { LeadConvertDialog, LeadConvertDialogData } from './lead-convert-dialog';
import { LeadFormDialog, LeadFormDialogData } from './lead-form-dialog';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { RecordQuotes } from '../quotes/record-quotes';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

/** A prospect: its details, actions (edit, convert, archive) and timeline. */
@Component({
  selector: 'app-lead-detail',
  imports: [
    LocalMoneyPipe,
    OwnerNamesPipe,
    RecordQuotes,
    DetailHeader,
    DetailPage,
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  templateUrl: './lead-detail.html',
  styleUrl: '../../shared/sales/detail-page.scss',
})
export class LeadDetail {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly activities = inject(ActivityCreation);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.can('leads:write'));
  /** Converting writes the lead and creates a client and an opportunity. */
  protected readonly canConvert = computed(
    () =>
      this.session.can('leads:write') &&
      this.session.can('clients:write') &&
      this.session.can('opportunities:write'),
  );
  protected readonly record = new DetailRecord<Lead>('leads', this.id);

  constructor() {
    registerSalesIcons();
  }

  protected edit(lead: Lead): void {
    const data: LeadFormDialogData = { mode: 'edit', lead, reload: () => this.record.reload() };
    this.record.edit(LeadFormDialog, data);
  }

  protected convert(lead: Lead): void {
    const data: LeadConvertDialogData = { lead, reload: () => this.record.reload() };
    this.dialog
      .open<LeadConvertDialog, LeadConvertDialogData, LeadConversion>(LeadConvertDialog, {
        data,
        width: '760px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result) this.record.saved(result.lead, 'leads.convert.done', { name: result.client.name });
      });
  }

  protected addActivity(lead: Lead): void {
    this.activities.open({ leadId: lead.id }).subscribe(() => this.record.changed());
  }
}
