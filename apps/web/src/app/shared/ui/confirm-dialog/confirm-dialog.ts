import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';

export interface ConfirmDialogData {
  /** Translation keys and their parameters. */
  readonly titleKey: string;
  readonly messageKey: string;
  readonly confirmKey: string;
  readonly params?: Record<string, unknown>;
  /** Styles the confirm button as destructive (error colour). */
  readonly destructive?: boolean;
  /** Points to weigh before confirming, listed under the message (translation keys and parameters). */
  readonly lines?: readonly ConfirmDialogLine[];
}

export interface ConfirmDialogLine {
  readonly key: string;
  readonly params?: Record<string, unknown>;
}

/**
 * Yes/no question before an action that is hard to undo. Closes with `true` on confirm; Escape,
 * the backdrop and Cancel close without a value. The cancel button gets the initial focus, so
 * a stray Enter does not confirm.
 */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t(data.titleKey, data.params) }}</h2>
      <mat-dialog-content>
        <p>{{ t(data.messageKey, data.params) }}</p>
        @if (data.lines?.length) {
          <ul class="lines" data-testid="confirm-lines">
            @for (line of data.lines; track $index) {
              <li>{{ t(line.key, line.params) }}</li>
            }
          </ul>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ t('common.cancel') }}</button>
        <button
          mat-flat-button
          type="button"
          data-testid="confirm"
          [class.destructive]="data.destructive"
          [mat-dialog-close]="true"
        >
          {{ t(data.confirmKey, data.params) }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .lines {
      margin: 0;
      padding-left: 20px;
    }

    .lines li + li {
      margin-top: 4px;
    }

    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
