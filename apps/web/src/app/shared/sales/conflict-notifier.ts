import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';

import { Notifier } from '../ui/notifier';
import { isConflict } from './record-api';

/**
 * Errors of a write on a versioned record: a 409 (stale version) gets "modified by someone else"
 * with a Reload action; anything else goes to the usual notifier.
 */
@Injectable({ providedIn: 'root' })
export class ConflictNotifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly notifier = inject(Notifier);

  /** Returns true when the error was a conflict. */
  handle(error: unknown, reload: () => void): boolean {
    if (!isConflict(error)) {
      this.notifier.problem(error);
      return false;
    }
    this.showConflict(reload);
    return true;
  }

  /** "Modified by someone else — reload", with a Reload action. */
  showConflict(reload: () => void): void {
    this.snackBar
      .open(
        this.transloco.translate('sales.conflict.message'),
        this.transloco.translate('sales.conflict.reload'),
        {
          duration: 15000,
        },
      )
      .onAction()
      .subscribe(() => reload());
  }
}
