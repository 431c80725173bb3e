import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Activity, Opportunity, OpportunityStage } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { formatMoney } from '../../shared/sales/money';
import { RecordsHttp } from '../../shared/sales/records-http';
import { OPPORTUNITY_STAGES } from '../../shared/sales/sales-options';
import { ConfirmDialog, ConfirmDialogData } from '../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { Timeline } from '../../shared/ui/timeline/timeline';
import { ActivityFormDialog, ActivityFormDialogData } from '../activities/activity-form-dialog';
import { OpportunityFormDialog, OpportunityFormDialogData } from './opportunity-form-dialog';
import { StageChanger } from './stage-changer';

/** An opportunity: details, stage change (menu), edit, archive, activities and timeline. */
@Component({
  selector: 'app-opportunity-detail',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressSpinnerModule,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './opportunity-detail.html',
  styleUrl: '../../shared/sales/detail-page.scss',
})
export class OpportunityDetail {
  readonly id = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly records = inject(RecordsHttp);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly stageChanger = inject(StageChanger);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.permissions().has('opportunities:write'));
  protected readonly stages = OPPORTUNITY_STAGES;
  protected readonly formatMoney = formatMoney;
  protected readonly refresh = signal(0);

  protected readonly resource = httpResource<Opportunity>(
    () => `/api/opportunities/${encodeURIComponent(this.id())}`,
  );
  protected readonly opportunity = computed(() =>
    this.resource.hasValue() ? this.resource.value() : undefined,
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
    this.refresh.update((n) => n + 1);
  }

  private saved(o: Opportunity, key = 'sales.saved'): void {
    this.notifier.success(key);
    this.resource.set(o);
    this.refresh.update((n) => n + 1);
  }

  protected moveTo(o: Opportunity, stage: OpportunityStage): void {
    this.stageChanger
      .move(o, stage, () => this.reload())
      .subscribe((saved) => {
        if (saved) this.saved(saved);
      });
  }

  protected edit(opportunity: Opportunity): void {
    const data: OpportunityFormDialogData = { mode: 'edit', opportunity, reload: () => this.reload() };
    this.dialog
      .open(OpportunityFormDialog, { data, width: '760px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Opportunity | undefined) => saved && this.saved(saved));
  }

  protected addActivity(o: Opportunity): void {
    const data: ActivityFormDialogData = { mode: 'create', link: { opportunityId: o.id } };
    this.dialog
      .open(ActivityFormDialog, { data, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Activity | undefined) => {
        if (!saved) return;
        this.notifier.success('activities.created');
        this.refresh.update((n) => n + 1);
      });
  }

  protected async toggleArchived(o: Opportunity): Promise<void> {
    const archive = !o.archivedAt;
    if (archive) {
      const data: ConfirmDialogData = {
        titleKey: 'sales.archive.title',
        messageKey: 'sales.archive.message',
        confirmKey: 'sales.archive.confirm',
        params: { name: o.title },
        destructive: true,
      };
      if ((await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) !== true) return;
    }
    this.records.setArchived<Opportunity>('opportunities', o.id, o.version, archive).subscribe({
      next: (saved) => this.saved(saved, archive ? 'sales.archive.done' : 'sales.archive.restored'),
      error: (error: unknown) => this.conflicts.handle(error, () => this.reload()),
    });
  }
}
