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
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ArchivedFilter, Client } from '@velosi/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { Page, listParams, parsePage } from '../../shared/sales/record-api';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { Notifier } from '../../shared/ui/notifier';
import { registerSalesIcons } from '../../shared/ui/sales-icons';
import { TranslatedPaginatorIntl } from '../../shared/ui/translated-paginator-intl';
import { ClientFormDialog, ClientFormDialogData } from './client-form-dialog';

const COLUMNS = ['name', 'fiscalId', 'city', 'country', 'currency', 'createdAt'] as const;

/** Clients: search, sort, page through; create one. */
@Component({
  selector: 'app-clients-page',
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
    MatSortModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './clients-page.html',
  styleUrl: '../../shared/sales/list-page.scss',
})
export class ClientsPage {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly canWrite = computed(() => this.session.permissions().has('clients:write'));
  protected readonly columns = COLUMNS;
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
  protected readonly archived = signal<ArchivedFilter>('false');
  protected readonly sort = signal<Sort>({ active: 'name', direction: 'asc' });
  protected readonly pageIndex = linkedSignal({
    source: () => [this.query(), this.archived(), this.sort()],
    computation: () => 0,
  });
  protected readonly pageSize = signal(20);

  protected readonly list = httpResource(
    () => ({
      url: '/api/clients',
      params: listParams({
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        q: this.query(),
        archived: this.archived(),
        sort: this.sort().direction ? `${this.sort().active}:${this.sort().direction}` : null,
      }),
    }),
    { parse: (raw) => parsePage<Client>(raw) },
  );
  protected readonly page = linkedSignal<Page<Client> | undefined, Page<Client> | undefined>({
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

  protected open(client: Client): void {
    void this.router.navigate(['/clients', client.id]);
  }

  protected create(): void {
    const data: ClientFormDialogData = { mode: 'create' };
    this.dialog
      .open(ClientFormDialog, { data, width: '680px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: Client | undefined) => {
        if (!saved) return;
        this.notifier.success('clients.created', { name: saved.name });
        void this.router.navigate(['/clients', saved.id]);
      });
  }
}
