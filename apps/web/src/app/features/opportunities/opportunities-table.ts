import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ArchivedFilter, Opportunity, OpportunityStage } from '@velosi/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { formatMoney } from '../../shared/sales/money';
import { Page, listParams, parsePage } from '../../shared/sales/record-api';
import { OPPORTUNITY_STAGES } from '../../shared/sales/sales-options';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { TranslatedPaginatorIntl } from '../../shared/ui/translated-paginator-intl';
import { OpportunityFormDialog, OpportunityFormDialogData } from './opportunity-form-dialog';

const COLUMNS = ['title', 'stage', 'value', 'probability', 'expectedCloseDate', 'transportType'] as const;

/** The opportunities as a sortable, filterable table (the kanban's alternative view). */
@Component({
  selector: 'app-opportunities-table',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './opportunities-table.html',
  styleUrl: '../../shared/sales/list-page.scss',
})
export class OpportunitiesTable {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.permissions().has('opportunities:write'));
  protected readonly columns = COLUMNS;
  protected readonly stages = OPPORTUNITY_STAGES;
  protected readonly archivedOptions: readonly ArchivedFilter[] = ['false', 'true', 'all'];
  protected readonly formatMoney = formatMoney;

  protected readonly searchText = signal('');
  protected readonly query = toSignal(
    toObservable(this.searchText).pipe(
      map((text) => text.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly stage = signal<OpportunityStage[]>([]);
  protected readonly archived = signal<ArchivedFilter>('false');
  protected readonly sort = signal<Sort>({ active: 'createdAt', direction: 'desc' });
  protected readonly pageIndex = linkedSignal({
    source: () => [this.query(), this.stage(), this.archived(), this.sort()],
    computation: () => 0,
  });
  protected readonly pageSize = signal(20);

  protected readonly list = httpResource(
    () => ({
      url: '/api/opportunities',
      params: listParams({
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        q: this.query(),
        stage: this.stage(),
        archived: this.archived(),
        sort: this.sort().direction ? `${this.sort().active}:${this.sort().direction}` : null,
      }),
    }),
    { parse: (raw) => parsePage<Opportunity>(raw) },
  );
  protected readonly page = linkedSignal<Page<Opportunity> | undefined, Page<Opportunity> | undefined>({
    source: () => (this.list.hasValue() ? this.list.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly errorStatus = computed(() => {
    const error = this.list.error();
    if (!error) return null;
    return error instanceof HttpErrorResponse ? error.status : -1;
  });

  constructor() {
    registerSalesIcons();
  }

  protected onSearch(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected open(o: Opportunity): void {
    void this.router.navigate(['/opportunities', o.id]);
  }

  protected create(): void {
    const data: OpportunityFormDialogData = { mode: 'create' };
    this.dialog
      .open(OpportunityFormDialog, { data, width: '760px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Opportunity | undefined) => {
        if (saved) void this.router.navigate(['/opportunities', saved.id]);
      });
  }
}
