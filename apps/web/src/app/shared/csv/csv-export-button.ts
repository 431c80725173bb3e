import { HttpClient } from '@angular/common/http';
import { Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { LanguageService } from '../../core/i18n/language.service';
import { Notifier } from '../ui/notifier';
import type { ListFilters, ListPageState } from '../list/list-page-state';
import { listParams } from '../sales/record-api';
import { registerIconSet } from '../ui/sales-icons';
import { CSV_ICONS } from './csv-icons';
import { saveFile } from './save-file';

/**
 * "Export" of a list page: `GET /api/<path>/export.csv` with the list's current search, filters and
 * order (the API applies the same visibility as the list), headers in the user's language.
 */
@Component({
  selector: 'app-csv-export-button',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  providers: [provideTranslocoScope('csv')],
  template: `
    <button
      *transloco="let t"
      mat-stroked-button
      type="button"
      [attr.data-testid]="path() + '-export'"
      [disabled]="busy()"
      (click)="exportCsv()"
    >
      <mat-icon svgIcon="download" aria-hidden="true" />
      {{ t('csv.export') }}
    </button>
  `,
})
export class CsvExportButton {
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  private readonly lang = inject(LanguageService).active;
  /** `/api/<path>/export.csv`, also the file's name. */
  readonly path = input.required<string>();
  /** The export's address when it is not `/api/<path>/export.csv` (e.g. `/api/admin/audit.csv`). */
  readonly url = input<string>();
  readonly list = input.required<ListPageState<unknown, ListFilters>>();
  protected readonly busy = signal(false);

  constructor() {
    registerIconSet(CSV_ICONS);
  }

  protected exportCsv(): void {
    const list = this.list();
    const filters: ListFilters = {};
    for (const key of Object.keys(list.filters)) filters[key] = list.filters[key]?.();
    const { active, direction } = list.sort();
    const params = listParams({
      ...filters,
      q: list.query(),
      sort: direction ? `${active}:${direction}` : null,
      lang: this.lang(),
    });
    this.busy.set(true);
    this.http
      .get(this.url() ?? `/api/${this.path()}/export.csv`, { params, responseType: 'blob' })
      .subscribe({
        next: (blob) => {
          this.busy.set(false);
          saveFile(blob, `${this.path()}.csv`);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.notifier.problem(error);
        },
      });
  }
}
