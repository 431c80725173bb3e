import { Component, computed, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import type { ArchivedFilter } from '@velosi/contracts';
import { filter } from 'rxjs';

import { ListCreateButton } from '../../shared/list/list-create-button';
import { LIST_PAGE } from '../../shared/list/list-page';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { CsvImportButton } from '../../shared/csv/csv-import-button';
import { ArchivedToggle } from '../../shared/list/filters/archived-toggle';
import { IconButton } from '../../shared/list/table/icon-button';
import { ListPageState } from '../../shared/list/list-page-state';
import { ListSort } from '../../shared/list/table/list-sort';
import { Notifier } from '../../shared/ui/notifier';
import { registerIconSet, registerSalesIcons } from '../../shared/ui/sales-icons';
import { ReferenceApi, ReferenceRow, saveFile } from './reference-api';
import { referenceCell } from './reference-cell';
import { ReferenceFormDialog, ReferenceFormData } from './reference-form-dialog';
import { REFERENCE_ICONS } from './reference-icons';
import { ReferenceView, referenceView } from './reference-objects';

/**
 * The page of one reference object (which one: the route's `data.object`): search, sort, page
 * through, export the filtered list as CSV; ADMIN (`reference:write`) creates, edits, archives and
 * restores, everyone else reads.
 */
@Component({
  selector: 'app-reference-list-page',
  imports: [
    LIST_PAGE,
    ListCreateButton,
    IconButton,
    ArchivedToggle,
    CsvImportButton,
    ListSort,
    MatSortModule,
    MatTableModule,
  ],
  templateUrl: './reference-list-page.html',
  styleUrls: ['../../shared/list/list-page.scss', './reference-list-page.scss'],
})
export class ReferenceListPage {
  private readonly api = inject(ReferenceApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).active;
  private readonly session = inject(SessionStore);
  protected readonly canWrite = computed(() => this.session.can('reference:write'));

  protected readonly view: ReferenceView =
    referenceView(String(inject(ActivatedRoute).snapshot.data['object'])) ??
    (referenceView('locations') as ReferenceView);
  protected readonly columns = [...this.view.columns, 'actions'];

  protected readonly list = new ListPageState<ReferenceRow, { archived: ArchivedFilter }>({
    fetch: ({ page, pageSize, q, sort, filters }) =>
      this.api.list(this.view.path, { page, pageSize, q, sort, ...filters }),
    filters: { archived: 'false' },
    sort: {
      initial: {
        active: this.view.defaultSort,
        direction: this.view.defaultSort === 'date' ? 'desc' : 'asc',
      },
      allowed: this.view.sortable,
    },
  });

  constructor() {
    registerSalesIcons();
    registerIconSet(REFERENCE_ICONS);
  }

  protected sortable(column: string): boolean {
    return this.view.sortable.includes(column);
  }

  /** A cell as text, the way the form shows the value (see referenceCell). */
  protected cell(row: ReferenceRow, column: string): string {
    return referenceCell(
      this.view,
      row[column],
      column,
      (path) => this.transloco.translate(path),
      this.lang(),
    );
  }

  protected edit(row: ReferenceRow | null): void {
    if (!this.canWrite()) return;
    const data: ReferenceFormData = { view: this.view, row };
    this.dialog
      .open<ReferenceFormDialog, ReferenceFormData, ReferenceRow>(ReferenceFormDialog, {
        data,
        width: '680px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ReferenceRow => !!saved))
      .subscribe(() => {
        this.notifier.success('reference.saved');
        this.list.reload();
      });
  }

  /**
   * Archives (or restores) at once, as the whole team's lists then do, and says so with a way back:
   * on a phone the icon sits beside the fields and a stray tap archived a port silently.
   */
  protected toggleArchived(row: ReferenceRow, event: Event): void {
    event.stopPropagation();
    const archiving = !row.archivedAt;
    // Its code or name; a rate has neither: its first two columns ("08/12/2026 EUR").
    const name = String(
      row['code'] ??
        row['name'] ??
        this.view.columns
          .slice(0, 2)
          .map((c) => this.cell(row, c))
          .join(' '),
    );
    this.api.setArchived(this.view.path, row, archiving).subscribe({
      next: (changed) => {
        this.list.reload();
        this.notifier.successWithUndo(archiving ? 'reference.archived' : 'reference.restored', { name }, () =>
          this.api.setArchived(this.view.path, changed, !archiving).subscribe({
            next: () => this.list.reload(),
            error: (error: unknown) => this.notifier.problem(error),
          }),
        );
      },
      error: (error: unknown) => this.notifier.problem(error),
    });
  }

  protected exportCsv(): void {
    const params = { q: this.list.query(), archived: this.list.filters.archived(), lang: this.lang() };
    this.api.exportCsv(this.view.path, params).subscribe({
      next: (blob) => saveFile(blob, `${this.view.path}.csv`),
      error: (error: unknown) => this.notifier.problem(error),
    });
  }
}
