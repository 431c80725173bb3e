import { ComponentType } from '@angular/cdk/portal';
import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { Observable, filter } from 'rxjs';

import { Notifier } from '../ui/notifier';

export interface CreateAndOpenOptions<R> {
  /** The dialog's width (it never grows past the screen). */
  readonly width: string;
  /** Route of the new record's page, without the id: `/leads` opens `/leads/<id>`. */
  readonly route: string;
  /** Confirmation shown before the page opens: a translation key and its parameters. */
  readonly notice?: (created: R) => { readonly key: string; readonly params?: Record<string, unknown> };
}

/**
 * "New …" on a page: a create form dialog (which closes with the created record, or with nothing
 * when cancelled), then what follows the creation.
 */
@Injectable({ providedIn: 'root' })
export class RecordCreation {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  /**
   * Opens the dialog; emits the created record, nothing when the dialog is cancelled (which closes
   * it with undefined, or with '' from a bare `mat-dialog-close`).
   */
  created<D, R extends object>(component: ComponentType<unknown>, data: D, width: string): Observable<R> {
    return this.dialog
      .open<unknown, D, R | ''>(component, { data, width, maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((created): created is R => !!created));
  }

  /** Opens the dialog, then the created record's page. */
  createAndOpen<D, R extends { readonly id: string }>(
    component: ComponentType<unknown>,
    data: D,
    options: CreateAndOpenOptions<R>,
  ): void {
    this.created<D, R>(component, data, options.width).subscribe((created) => {
      const notice = options.notice?.(created);
      if (notice) this.notifier.success(notice.key, notice.params);
      void this.router.navigate([options.route, created.id]);
    });
  }
}
