import {
  CdkDrag,
  CdkDragDrop,
  CdkDropList,
  CdkDropListGroup,
  transferArrayItem,
} from '@angular/cdk/drag-drop';
import { NgTemplateOutlet } from '@angular/common';
import {
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { Opportunity, OpportunityStage, PipelineStageSummary } from '@velosi/contracts';
import { forkJoin, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { CustomerLink } from '../../shared/ui/customer-link';
import { OwnerNamesPipe } from '../../shared/ui/owner-names.pipe';
import { loadErrorStatus } from '../../core/http/problem';
import { LanguageService } from '../../core/i18n/language.service';
import { RecordCreation } from '../../shared/list/record-creation';
import {
  CLOSED_STAGES,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  isClosedStage,
} from '../../shared/sales/sales-options';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { OpportunityFormDialog, OpportunityFormDialogData } from './opportunity-form-dialog';
import { StageChanger } from './stage-changer';
import { ServerTextPipe } from '../../shared/ui/timeline/server-text.pipe';
import { OpportunitiesApi } from './opportunities-api';
import { LocalPercentPipe } from '../../shared/ui/local-percent.pipe';
import { LocalMoneyPipe } from '../../shared/ui/local-money.pipe';

/** Cards per column: open stages show their whole pipeline, closed ones the latest. */
const OPEN_LIMIT = 100;
const CLOSED_LIMIT = 20;

type Columns = Record<OpportunityStage, Opportunity[]>;

/**
 * The pipeline as a kanban: one column per stage with its count and totals per currency
 * (`GET /api/opportunities/pipeline`); drag a card to another column, or use the card's
 * "move to" menu from the keyboard. Won/lost ask for the reason.
 */
@Component({
  selector: 'app-pipeline-board',
  imports: [
    LocalMoneyPipe,
    LocalPercentPipe,
    CustomerLink,
    OwnerNamesPipe,
    ServerTextPipe,
    CdkDrag,
    CdkDropList,
    CdkDropListGroup,
    NgTemplateOutlet,
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    PageHeader,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './pipeline-board.html',
  styleUrl: './pipeline-board.scss',
})
export class PipelineBoard {
  private readonly api = inject(OpportunitiesApi);
  private readonly creation = inject(RecordCreation);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly stageChanger = inject(StageChanger);
  private readonly session = inject(SessionStore);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.can('opportunities:write'));
  protected readonly stages = OPPORTUNITY_STAGES;
  protected readonly openStages = OPEN_STAGES;
  protected readonly closedStages = CLOSED_STAGES;
  protected readonly isClosed = isClosedStage;

  protected readonly cards = rxResource({
    stream: () =>
      forkJoin(
        OPPORTUNITY_STAGES.map((stage) =>
          this.api.items({
            stage,
            pageSize: isClosedStage(stage) ? CLOSED_LIMIT : OPEN_LIMIT,
            sort: isClosedStage(stage) ? 'updatedAt:desc' : 'expectedCloseDate:asc',
          }),
        ),
      ).pipe(
        map(
          (lists) =>
            Object.fromEntries(OPPORTUNITY_STAGES.map((stage, i) => [stage, lists[i] ?? []])) as Columns,
        ),
      ),
  });
  protected readonly summary = rxResource({
    stream: () => this.api.pipeline(),
  });

  /** Local copy of the columns: a drop moves the card at once, the server answer confirms it. */
  protected readonly columns = linkedSignal<Columns | undefined>(() =>
    this.cards.hasValue() ? this.cards.value() : undefined,
  );
  protected readonly totals = computed(() => {
    const summary = this.summary.hasValue() ? this.summary.value() : undefined;
    const byStage = new Map<OpportunityStage, PipelineStageSummary>();
    for (const entry of summary?.stages ?? []) byStage.set(entry.stage, entry);
    return byStage;
  });
  protected readonly errorStatus = computed(() => loadErrorStatus(this.cards.error()));

  constructor() {
    registerSalesIcons();
  }

  protected cardsOf(columns: Columns, stage: OpportunityStage): Opportunity[] {
    return columns[stage];
  }

  protected reload(): void {
    this.cards.reload();
    this.summary.reload();
  }

  protected open(opportunity: Opportunity): void {
    void this.router.navigate(['/opportunities', opportunity.id]);
  }

  protected drop(event: CdkDragDrop<OpportunityStage, OpportunityStage, Opportunity>): void {
    if (event.previousContainer === event.container) return;
    this.moveTo(event.item.data, event.container.data);
  }

  /**
   * Drag target and keyboard menu end here. From the menu (`refocus`), the card is drawn anew in
   * its column, so focus would fall to the page: it goes back to the card's menu button instead.
   */
  protected moveTo(opportunity: Opportunity, stage: OpportunityStage, refocus = false): void {
    const columns = this.columns();
    if (!columns || opportunity.stage === stage || !this.canWrite()) return;
    const from = columns[opportunity.stage];
    const to = columns[stage];
    const index = from.findIndex((o) => o.id === opportunity.id);
    if (index < 0) return;
    // Optimistic: the card moves now; a refusal or a cancelled dialog puts it back.
    transferArrayItem(from, to, index, 0);
    this.columns.set({ ...columns });
    this.stageChanger
      .move(opportunity, stage, () => this.reload())
      .subscribe((saved) => {
        const current = this.columns();
        if (!current) return;
        if (refocus) this.focusMenuOf(opportunity.id);
        if (!saved) {
          const back = current[stage].findIndex((o) => o.id === opportunity.id);
          if (back >= 0) transferArrayItem(current[stage], current[opportunity.stage], back, index);
          this.columns.set({ ...current });
          return;
        }
        current[stage] = current[stage].map((o) => (o.id === saved.id ? saved : o));
        this.columns.set({ ...current });
        this.notifier.success('opportunities.moved', {
          title: saved.title,
          stage: this.transloco.translate(`sales.stage.${saved.stage}`),
        });
        this.summary.reload();
      });
  }

  /** After the next render, where the card now is. */
  private focusMenuOf(id: string): void {
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="kanban-move-${id}"]`)?.focus(),
      { injector: this.injector },
    );
  }

  protected create(): void {
    const data: OpportunityFormDialogData = { mode: 'create' };
    this.creation
      .created<OpportunityFormDialogData, Opportunity>(OpportunityFormDialog, data, '760px')
      .subscribe(() => this.reload());
  }
}
