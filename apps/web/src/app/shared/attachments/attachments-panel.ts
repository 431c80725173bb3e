import { HttpClient, HttpEventType, httpResource } from '@angular/common/http';
import { Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_LIMITS,
  type Attachment,
  type AttachmentKind,
  type AttachmentList,
} from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { readProblem } from '../../core/http/problem';
import { saveFile } from '../csv/save-file';
import { ConfirmDialog, type ConfirmDialogData } from '../ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../ui/local-date.pipe';
import { Notifier } from '../ui/notifier';
import { registerIconSet } from '../ui/sales-icons';
import { ATTACHMENT_ICONS } from './attachment-icons';

/** The records that carry files, by their API collection (`/api/<owner>/:id/attachments`). */
export type AttachmentOwnerPath = 'jobs' | 'clients' | 'activities';

/** One file of the current drop: its progress, then done or the reason it was refused. */
interface Upload {
  readonly key: number;
  readonly name: string;
  readonly progress: number;
  /** Translation key of the refusal (too big, wrong type…), with the API's detail as fallback. */
  readonly errorKey?: string;
  readonly done?: boolean;
}

const MEGABYTES = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

/** What a refused upload says, by the API's status. */
function errorKeyOf(status: number): string {
  if (status === 413) return 'attachments.errors.tooLarge';
  if (status === 415) return 'attachments.errors.wrongType';
  if (status === 403 || status === 404) return 'attachments.errors.forbidden';
  if (status === 0) return 'attachments.errors.network';
  return 'attachments.errors.failed';
}

/**
 * Files of a record (job "Documents" tab, client page, activity page): drop files or pick them
 * with the button, one request per file so each shows its own progress and refusal; the kind
 * chosen applies to the next upload. The list downloads (with the bearer token, so through
 * HttpClient) and deletes (soft on the API). Whether a file is accepted is the API's call, from
 * its content; the size is also checked here to spare a 10 MB upload that would be refused.
 */
@Component({
  selector: 'app-attachments-panel',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalDatePipe,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('attachments')],
  templateUrl: './attachments-panel.html',
  styleUrl: './attachments-panel.scss',
})
export class AttachmentsPanel {
  readonly owner = input.required<AttachmentOwnerPath>();
  readonly ownerId = input.required<string>();
  readonly canWrite = input(false);
  /** A file was added or deleted (the owner's history has a new entry). */
  readonly changed = output<void>();

  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  protected readonly lang = inject(LanguageService).active;

  protected readonly kinds = ATTACHMENT_KINDS;
  protected readonly megabytes = MEGABYTES;
  protected readonly kind = signal<AttachmentKind>('other');
  protected readonly dragging = signal(false);
  protected readonly uploads = signal<readonly Upload[]>([]);
  private nextKey = 0;

  private readonly base = computed(() => `/api/${this.owner()}/${this.ownerId()}/attachments`);
  protected readonly list = httpResource<AttachmentList>(() => this.base());
  protected readonly items = computed<readonly Attachment[]>(() =>
    this.list.hasValue() ? this.list.value().items : [],
  );

  constructor() {
    registerIconSet(ATTACHMENT_ICONS);
  }

  protected onDragOver(event: DragEvent): void {
    if (!this.canWrite()) return;
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    if (!this.canWrite()) return;
    event.preventDefault();
    this.dragging.set(false);
    this.send(Array.from(event.dataTransfer?.files ?? []));
  }

  protected onPicked(input: HTMLInputElement): void {
    this.send(Array.from(input.files ?? []));
    input.value = '';
  }

  private patch(key: number, change: Partial<Upload>): void {
    this.uploads.update((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }

  private send(files: readonly File[]): void {
    const kind = this.kind();
    for (const file of files) {
      const key = this.nextKey++;
      const tooBig = file.size > ATTACHMENT_LIMITS.maxBytes;
      this.uploads.update((all) => [
        ...all,
        { key, name: file.name, progress: 0, ...(tooBig ? { errorKey: 'attachments.errors.tooLarge' } : {}) },
      ]);
      if (tooBig) continue;
      const body = new FormData();
      body.append('file', file, file.name);
      this.http
        .post<AttachmentList>(this.base(), body, {
          params: { kind },
          reportProgress: true,
          observe: 'events',
        })
        .subscribe({
          next: (event) => {
            if (event.type === HttpEventType.UploadProgress && event.total) {
              this.patch(key, { progress: Math.round((100 * event.loaded) / event.total) });
            } else if (event.type === HttpEventType.Response) {
              this.patch(key, { progress: 100, done: true });
              this.list.reload();
              this.changed.emit();
            }
          },
          error: (error: unknown) => this.patch(key, { errorKey: errorKeyOf(readProblem(error).status) }),
        });
    }
  }

  protected clearFinished(): void {
    this.uploads.update((all) => all.filter((u) => !u.done && !u.errorKey && u.progress < 100));
  }

  protected download(item: Attachment): void {
    this.http.get(`${this.base()}/${item.id}`, { responseType: 'blob' }).subscribe({
      next: (blob) => saveFile(blob, item.fileName),
      error: (error: unknown) => this.notifier.problem(error),
    });
  }

  protected async remove(item: Attachment): Promise<void> {
    const data: ConfirmDialogData = {
      titleKey: 'attachments.delete.title',
      messageKey: 'attachments.delete.message',
      confirmKey: 'attachments.delete.confirm',
      params: { name: item.fileName },
      destructive: true,
    };
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
    if (confirmed !== true) return;
    this.http.delete(`${this.base()}/${item.id}`).subscribe({
      next: () => {
        this.notifier.success('attachments.delete.done', { name: item.fileName });
        this.list.reload();
        this.changed.emit();
      },
      error: (error: unknown) => this.notifier.problem(error),
    });
  }

  /** A size as a translation key (`attachments.size.b|kb|mb`) and its number. */
  protected size(bytes: number): { key: string; n: string } {
    // In the UI language: "1,5 Mo" in French, not "1.5 Mo".
    const n = (value: number, places: number) =>
      new Intl.NumberFormat(this.lang(), {
        minimumFractionDigits: places,
        maximumFractionDigits: places,
      }).format(value);
    if (bytes < 1024) return { key: 'attachments.size.b', n: n(bytes, 0) };
    if (bytes < 1024 * 1024) return { key: 'attachments.size.kb', n: n(bytes / 1024, 0) };
    return { key: 'attachments.size.mb', n: n(bytes / (1024 * 1024), 1) };
  }
}
