import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';

import { readProblem } from '../../core/http/problem';

/** Short messages in a snack bar (announced politely to screen readers by Material). */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  success(key: string, params?: Record<string, unknown>): void {
    this.show(this.transloco.translate(key, params), 4000);
  }

  /** A success that can be taken back: the snack bar's button ("Annuler") runs `undo`. */
  successWithUndo(key: string, params: Record<string, unknown>, undo: () => void): void {
    this.snackBar
      .open(this.transloco.translate(key, params), this.transloco.translate('common.undo'), {
        duration: 10_000,
      })
      .onAction()
      .subscribe(undo);
  }

  /** A refusal the page words itself (a key of its own, e.g. a line an invoice bills). */
  refused(key: string, params?: Record<string, unknown>): void {
    this.show(this.transloco.translate(key, params), 8000);
  }

  /**
   * A failed API call that no form field can show: the problem's `detail` (written for people)
   * when there is one, else a translated message by status.
   */
  problem(error: unknown): void {
    const problem = readProblem(error);
    const fallback =
      problem.status === 0
        ? this.transloco.translate('errors.unreachable')
        : this.transloco.translate('errors.http', { status: problem.status });
    const fieldMessages = problem.errors?.map((e) => `${e.field}: ${e.message}`).join(' · ');
    this.show(fieldMessages || problem.detail || fallback, 8000);
  }

  private show(message: string, duration: number): void {
    this.snackBar.open(message, this.transloco.translate('common.close'), { duration });
  }
}
