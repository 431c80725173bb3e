import { ComponentType } from '@angular/cdk/portal';
import { httpResource } from '@angular/common/http';
import { ResourceRef, Signal, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { loadErrorStatus } from '../../core/http/problem';
import { ConflictNotifier } from '../sales/conflict-notifier';
import { TimelineRecordType } from '../sales/record-api';
import { RecordsHttp, recordUrl } from '../sales/records-http';
import { ConfirmDialog, ConfirmDialogData } from '../ui/confirm-dialog/confirm-dialog';
import { Notifier } from '../ui/notifier';

/**
 * Whether loading again may work: not after the API said the record is not there for this user
 * (404, and 403/410 alike); yes after a server error (5xx), a timeout or no answer (0, -1).
 */
export function loadRetryable(status: number): boolean {
  return ![403, 404, 410].includes(status);
}

/** What app-detail-page needs to show the loading and error states of a record. */
export interface RecordLoadState {
  /** HTTP status of the failed load (-1: not an HTTP error), or null. */
  readonly errorStatus: Signal<number | null>;
  readonly loaded: Signal<boolean>;
  reload(): void;
}

/**
 * A page's record read through a resource, as app-detail-page shows it: its value once loaded
 * (undefined while loading and after a failed load), and its load state. `reloadAll` is the page's
 * full reload when it has more to fetch than this resource.
 */
export class LoadedResource<T> implements RecordLoadState {
  readonly value: Signal<T | undefined>;
  readonly loaded: Signal<boolean>;
  readonly errorStatus: Signal<number | null>;

  constructor(
    protected readonly resource: ResourceRef<T | undefined>,
    private readonly reloadAll?: () => void,
  ) {
    this.value = computed(() => (this.resource.hasValue() ? this.resource.value() : undefined));
    this.loaded = computed(() => this.value() !== undefined);
    this.errorStatus = computed(() => loadErrorStatus(this.resource.error()));
  }

  reload(): void {
    if (this.reloadAll) this.reloadAll();
    else this.resource.reload();
  }
}

/** The fields every sales record has that the detail pages act on. */
export interface ArchivableRecord {
  readonly id: string;
  readonly version: number;
  readonly archivedAt: string | null;
}

/**
 * The record of a detail page (`GET /api/<type>/:id`, following the `:id` route input) and what
 * every detail page does with it: reload, edit in a dialog, show a saved version, archive/restore,
 * and bump the timeline after any change. Create it in a field initializer (it injects):
 * `protected readonly record = new DetailRecord<Lead>('leads', this.id);`
 */
export class DetailRecord<T extends ArchivableRecord> extends LoadedResource<T> {
  private readonly dialog = inject(MatDialog);
  private readonly records = inject(RecordsHttp);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly changes = signal(0);

  /** Changes after every change of the record or of what hangs on it: bind to the timeline. */
  readonly refresh = this.changes.asReadonly();

  /** `alsoReload`: the page's other resources that a full reload must fetch again. */
  constructor(
    private readonly type: TimelineRecordType,
    id: () => string,
    private readonly alsoReload: () => void = () => undefined,
  ) {
    super(httpResource<T>(() => recordUrl(type, id())));
  }

  override reload(): void {
    this.resource.reload();
    this.alsoReload();
    this.changed();
  }

  /** Something about the record changed (an activity, a contact): the timeline reloads. */
  changed(): void {
    this.changes.update((n) => n + 1);
  }

  /** Shows the version the API answered after a save, with a confirmation message. */
  saved(record: T, messageKey = 'sales.saved', params?: Record<string, unknown>): void {
    this.notifier.success(messageKey, params);
    this.resource.set(record);
    this.changed();
  }

  /** Opens a form dialog of the record, which closes with the saved record, and shows that version. */
  edit<D>(component: ComponentType<unknown>, data: D, width = '760px'): void {
    this.dialog
      .open<unknown, D, T>(component, { data, width, maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.saved(saved);
      });
  }

  /** Archives (after confirmation, `name` in the question) or restores the record. */
  async toggleArchived(record: T, name: string): Promise<void> {
    const archive = !record.archivedAt;
    if (archive) {
      const data: ConfirmDialogData = {
        titleKey: 'sales.archive.title',
        messageKey: 'sales.archive.message',
        confirmKey: 'sales.archive.confirm',
        params: { name },
        destructive: true,
      };
      if ((await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) !== true) return;
    }
    this.records.setArchived<T>(this.type, record.id, record.version, archive).subscribe({
      next: (saved) => this.saved(saved, archive ? 'sales.archive.done' : 'sales.archive.restored'),
      error: (error: unknown) => this.conflicts.handle(error, () => this.reload()),
    });
  }
}
