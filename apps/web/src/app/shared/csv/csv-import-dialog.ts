import { HttpClient, HttpParams } from '@angular/common/http';
import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import {
  CSV_IMPORT_LIMITS,
  CsvImportReportSchema,
  type CsvImportError,
  type CsvImportReport,
} from '@velosi/contracts';
import { firstValueFrom, map } from 'rxjs';

import { readProblem } from '../../core/http/problem';
import { LanguageService } from '../../core/i18n/language.service';
import { registerIconSet } from '../ui/sales-icons';
import { CSV_ICONS } from './csv-icons';
import { errorReport, importBatches, readCsv, reasonWords, type CsvFile } from './csv-import';
import { saveFile } from './save-file';

export interface CsvImportDialogData {
  /** `/api/<path>/import`. */
  readonly path: string;
  /** The list's name, in the user's language, for the title ("Clients", "Taux de change"). */
  readonly name: string;
}

/** What the dialog closes with: how many rows were written (the page reloads its list if any). */
export interface CsvImportResult {
  readonly imported: number;
}

type Step = 'pick' | 'checking' | 'review' | 'importing' | 'done';

/** Errors shown in the dialog; the downloadable report has them all. */
const SHOWN_ERRORS = 50;

/**
 * CSV import: pick a file → the API's dry run guesses the column mapping and reports every bad row
 * (line, field, reason) → the user fixes the mapping (checked again) → the valid rows are sent
 * CSV_IMPORT_BATCH at a time, the progress bar following the batches → the refused rows can be
 * downloaded as a CSV to fix and import again.
 */
@Component({
  selector: 'app-csv-import-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('csv')],
  templateUrl: './csv-import-dialog.html',
  styleUrl: './csv-import-dialog.scss',
})
export class CsvImportDialog {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject<MatDialogRef<CsvImportDialog, CsvImportResult>>(MatDialogRef);
  protected readonly data = inject<CsvImportDialogData>(MAT_DIALOG_DATA);
  protected readonly lang = inject(LanguageService).active;

  protected readonly step = signal<Step>('pick');
  protected readonly file = signal<CsvFile | null>(null);
  /**
   * The API words row errors in English (as for form fields): the contract's checks and the reasons
   * every import meets are said in the user's language, others shown as the API worded them.
   */
  protected reasonText(error: CsvImportError): string {
    const words = reasonWords(error);
    return words ? this.transloco.translate(`csv.import.reasons.${words.key}`, words.params) : error.reason;
  }

  /** A translated message (file too large, API problem), shown with role="alert". */
  protected readonly failure = signal<string | null>(null);
  protected readonly report = signal<CsvImportReport | null>(null);
  /** The field of each header column (null: ignored); checked again by a dry run when changed. */
  protected readonly mapping = signal<(string | null)[]>([]);
  protected readonly mappingChanged = signal(false);
  protected readonly progress = signal({ done: 0, total: 0 });
  protected readonly imported = signal(0);
  protected readonly errors = signal<CsvImportError[]>([]);
  protected readonly shownErrors = computed(() => this.errors().slice(0, SHOWN_ERRORS));
  /** Rows refused: a row with three bad fields is one row (the errors list has one entry a field). */
  protected readonly refusedRows = computed(() => new Set(this.errors().map((e) => e.line)).size);
  protected readonly percent = computed(() => {
    const { done, total } = this.progress();
    return total === 0 ? 0 : Math.round((done / total) * 100);
  });
  protected readonly limits = {
    megabytes: CSV_IMPORT_LIMITS.maxBytes / 1024 / 1024,
    rows: CSV_IMPORT_LIMITS.maxRows,
  };

  constructor() {
    registerIconSet(CSV_ICONS);
    this.dialog.disableClose = true; // Escape and the backdrop would leave an import half-watched.
  }

  protected async pick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    this.failure.set(null);
    if (chosen.size > CSV_IMPORT_LIMITS.maxBytes) {
      this.failure.set(this.transloco.translate('csv.import.tooLarge', this.limits));
      return;
    }
    const file = readCsv(chosen.name, await chosen.text());
    if (file.records.length === 0) {
      this.failure.set(this.transloco.translate('csv.import.noRows'));
      return;
    }
    if (file.records.length > CSV_IMPORT_LIMITS.maxRows) {
      this.failure.set(this.transloco.translate('csv.import.tooManyRows', this.limits));
      return;
    }
    this.file.set(file);
    await this.check(false);
  }

  protected setField(index: number, field: string | null): void {
    this.mapping.update((fields) => fields.map((f, i) => (i === index ? field : f === field ? null : f)));
    this.mappingChanged.set(true);
  }

  /** The dry run of the whole file with the mapping chosen (or the API's guess the first time). */
  protected async check(withMapping = true): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.step.set('checking');
    this.failure.set(null);
    try {
      const report = await this.send(file.text, { dryRun: true, firstLine: 2, withMapping });
      this.report.set(report);
      this.mapping.set(report.columns.map((c) => c.field));
      this.mappingChanged.set(false);
      this.errors.set(report.errors);
      this.step.set('review');
    } catch (error) {
      this.failure.set(this.problemText(error));
      this.step.set(this.report() ? 'review' : 'pick');
    }
  }

  protected async runImport(): Promise<void> {
    const file = this.file();
    if (!file) return;
    const batches = importBatches(file);
    this.step.set('importing');
    this.errors.set([]);
    this.imported.set(0);
    this.progress.set({ done: 0, total: file.records.length });
    for (const batch of batches) {
      try {
        const report = await this.send(batch.body, {
          dryRun: false,
          firstLine: batch.firstLine,
          withMapping: true,
        });
        this.imported.update((n) => n + report.imported);
        this.errors.update((errors) => [...errors, ...report.errors]);
      } catch (error) {
        this.failure.set(this.problemText(error));
        break;
      }
      this.progress.update((p) => ({ ...p, done: p.done + batch.rows }));
    }
    this.step.set('done');
  }

  protected downloadErrors(): void {
    const t = (key: string) => this.transloco.translate(`csv.import.report.${key}`);
    const object = this.data.path.split('/').pop() ?? 'import';
    const name = `${object}-${this.transloco.translate('csv.import.report.file')}.csv`;
    saveFile(
      errorReport(this.errors(), [t('line'), t('field'), t('reason')], (e) => this.reasonText(e)),
      name,
    );
  }

  protected fieldLabel(field: string): string {
    const known = this.report()?.fields.find((f) => f.field === field);
    return known ? known[this.lang()] : field;
  }

  protected close(): void {
    this.dialog.close({ imported: this.imported() });
  }

  private send(
    body: string,
    options: { dryRun: boolean; firstLine: number; withMapping: boolean },
  ): Promise<CsvImportReport> {
    let params = new HttpParams().set('dryRun', String(options.dryRun)).set('firstLine', options.firstLine);
    if (options.withMapping)
      params = params.set(
        'columns',
        this.mapping()
          .map((f) => f ?? '')
          .join(','),
      );
    return firstValueFrom(
      this.http
        .post<unknown>(`/api/${this.data.path}/import`, body, {
          params,
          headers: { 'content-type': 'text/csv' },
        })
        .pipe(map((raw) => CsvImportReportSchema.parse(raw))),
    );
  }

  private problemText(error: unknown): string {
    const problem = readProblem(error);
    if (problem.status === 0) return this.transloco.translate('errors.unreachable');
    const fields = problem.errors?.map((e) => `${e.field}: ${e.message}`).join(' · ');
    return fields || problem.detail || this.transloco.translate('errors.http', { status: problem.status });
  }
}
