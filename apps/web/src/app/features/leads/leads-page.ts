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
import type { ArchivedFilter, Lead, LeadStatus } from '@velosi/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { Page, listParams, parsePage } from '../../shared/sales/record-api';
import { LEAD_STATUSES } from '../../shared/sales/sales-options';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { TranslatedPaginatorIntl } from '../../shared/ui/translated-paginator-intl';
import { LeadFormDialog, LeadFormDialogData } from './lead-form-dialog';

const COLUMNS = ['fullName', 'status', 'priority', 'source', 'transportNeeds', 'nextFollowUpDate'] as const;

/** Prospects: search, filter by status, sort, page through; create one. */
@Component({
  selector: 'app-leads-page',
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
  templateUrl: './leads-page.html',
  styleUrl: '../../shared/sales/list-page.scss',
})
export class LeadsPage {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).active;
  private readonly session = inject(SessionStore);
  protected readonly canWrite = computed(() => this.session.permissions().has('leads:write'));

  protected readonly columns = COLUMNS;
  protected readonly statuses = LEAD_STATUSES;
  protected readonly archivedOptions: readonly ArchivedFilter[] = ['false', 'true', 'all'];

  protected readonly searchText = signal('');
  protected readonly query = toSignal(
    toObservable(this.searchText).pipe(
      map((text) => text.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly status = signal<LeadStatus[]>([]);
  protected readonly archived = signal<ArchivedFilter>('false');
  protected readonly sort = signal<Sort>({ active: 'createdAt', direction: 'desc' });
  protected readonly pageIndex = linkedSignal({
    source: () => [this.query(), this.status(), this.archived(), this.sort()],
    computation: () => 0,
  });
  protected readonly pageSize = signal(20);

  protected readonly leads = httpResource(
    () => ({
      url: '/api/leads',
      params: listParams({
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        q: this.query(),
        status: this.status(),
        archived: this.archived(),
        sort: this.sort().direction ? `${this.sort().active}:${this.sort().direction}` : null,
      }),
    }),
    { parse: (raw) => parsePage<Lead>(raw) },
  );
  protected readonly page = linkedSignal<Page<Lead> | undefined, Page<Lead> | undefined>({
    source: () => (this.leads.hasValue() ? this.leads.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly errorStatus = computed(() => {
    const error = this.leads.error();
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

  protected open(lead: Lead): void {
    void this.router.navigate(['/leads', lead.id]);
  }

  protected create(): void {
    const data: LeadFormDialogData = { mode: 'create' };
    this.dialog
      .open(LeadFormDialog, { data, width: '760px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Lead | undefined) => {
        if (!saved) return;
        this.notifier.success('leads.created', { name: saved.fullName });
        void this.router.navigate(['/leads', saved.id]);
      });
  }
}
