import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Opportunity, OpportunityStage } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { DetailHeader } from '../../shared/detail/detail-header';
import { DetailPage } from '../../shared/detail/detail-page';
import { DetailRecord } from '../../shared/detail/detail-record';
import { OPPORTUNITY_STAGES } from '../../shared/sales/sales-options';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { CustomerLink } from '../../shared/ui/customer-link';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { RecordQuotes } from '../quotes/record-quotes';
import { Timeline } from '../../shared/ui/timeline/timeline';
import { ActivityCreation } from '../activities/activity-form-dialog';
import { OpportunityFormDialog, OpportunityFormDialogData } from './opportunity-form-dialog';
import { StageChanger } from './stage-changer';
import { ServerTextPipe } from '../../shared/ui/timeline/server-text.pipe';
import { LocalPercentPipe } from '../../shared/ui/local-percent.pipe';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

/** An opportunity: details, stage change (menu), edit, archive, activities and timeline. */
@Component({
  selector: 'app-opportunity-detail',
  imports: [
    LocalMoneyPipe,
    LocalPercentPipe,
    DetailHeader,
    DetailPage,
    LocalDatePipe,
    ServerTextPipe,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    CustomerLink,
    OwnerNamesPipe,
    RecordQuotes,
    Timeline,
    TranslocoDirective,
  ],
  templateUrl: './opportunity-detail.html',
  styleUrl: '../../shared/sales/detail-page.scss',
})
export class OpportunityDetail {
  readonly id = input.required<string>();

  private readonly activities = inject(ActivityCreation);
  private readonly stageChanger = inject(StageChanger);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.can('opportunities:write'));
  protected readonly stages = OPPORTUNITY_STAGES;
  protected readonly record = new DetailRecord<Opportunity>('opportunities', this.id);

  constructor() {
    registerSalesIcons();
  }

  protected moveTo(o: Opportunity, stage: OpportunityStage): void {
    this.stageChanger
      .move(o, stage, () => this.record.reload())
      .subscribe((saved) => {
        if (saved) this.record.saved(saved);
      });
  }

  protected edit(opportunity: Opportunity): void {
    const data: OpportunityFormDialogData = { mode: 'edit', opportunity, reload: () => this.record.reload() };
    this.record.edit(OpportunityFormDialog, data);
  }

  protected addActivity(o: Opportunity): void {
    this.activities.open({ opportunityId: o.id }).subscribe(() => this.record.changed());
  }
}
