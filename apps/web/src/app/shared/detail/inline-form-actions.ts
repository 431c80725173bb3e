import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The foot of an inline form that adds a line or corrects one (a job's containers, charge lines):
 * the errors of the last save that fit no field, Save (disabled while it runs) and, while a line
 * is being corrected, Cancel back to adding. `saveLabel` is already translated:
 * `<app-inline-form-actions [errors]="saver.errors()" [busy]="saver.busy()" [editing]="!!editor.editing()"
 * saveTestId="charge-save" [saveLabel]="t('jobs.costs.save')" (save)="editor.save()" (discard)="editor.cancel()" />`.
 */
@Component({
  selector: 'app-inline-form-actions',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @for (message of errors(); track message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      <div class="row-actions">
        <button
          mat-flat-button
          type="button"
          [attr.data-testid]="saveTestId()"
          [disabled]="busy()"
          (click)="save.emit()"
        >
          <mat-icon [svgIcon]="saveIcon()" aria-hidden="true" />
          {{ saveLabel() }}
        </button>
        @if (editing()) {
          <button mat-button type="button" (click)="discard.emit()">{{ t('common.cancel') }}</button>
        }
      </div>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }

    .error {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }

    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class InlineFormActions {
  readonly errors = input<readonly string[]>([]);
  readonly busy = input(false);
  /** A line is being corrected (not added): Cancel is offered. */
  readonly editing = input(false);
  readonly saveTestId = input.required<string>();
  readonly saveIcon = input('save');
  readonly saveLabel = input.required<string>();
  readonly save = output();
  readonly discard = output();
}
