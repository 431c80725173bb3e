import { Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { registerIconSet } from '../ui/sales-icons';
import { CSV_ICONS } from './csv-icons';
import { CsvImportDialog, CsvImportDialogData, CsvImportResult } from './csv-import-dialog';

/** "Import (CSV)" of a list page: opens the import dialog; `imported` fires when rows were written. */
@Component({
  selector: 'app-csv-import-button',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  providers: [provideTranslocoScope('csv')],
  template: `
    <button
      *transloco="let t"
      mat-stroked-button
      type="button"
      [attr.data-testid]="testid() ?? path() + '-import'"
      (click)="open()"
    >
      <mat-icon svgIcon="upload_file" aria-hidden="true" />
      {{ t('csv.importButton') }}
    </button>
  `,
})
export class CsvImportButton {
  private readonly dialog = inject(MatDialog);
  /** `/api/<path>/import`. */
  readonly path = input.required<string>();
  /** The list's name in the user's language (dialog title). */
  readonly name = input.required<string>();
  /** Defaults to `<path>-import`. */
  readonly testid = input<string>();
  readonly imported = output<number>();

  constructor() {
    registerIconSet(CSV_ICONS);
  }

  protected open(): void {
    this.dialog
      .open<CsvImportDialog, CsvImportDialogData, CsvImportResult>(CsvImportDialog, {
        data: { path: this.path(), name: this.name() },
        width: '720px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result && result.imported > 0) this.imported.emit(result.imported);
      });
  }
}
