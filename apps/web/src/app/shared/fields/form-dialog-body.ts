import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import type { FieldError } from '@velosi/contracts';

/**
 * Everything of a form dialog below its title, inside the dialog's `<form>`: the fields (projected,
 * laid out on a two-column grid; `class="span-2"` spans a row), the API errors no field shows, and
 * Cancel / submit (disabled while saving). Being inside the `<form>`, the projected fields find
 * its form group and the submit button submits it:
 * `<form [formGroup]="form" (ngSubmit)="submit()"><app-form-dialog-body submitTestId="lead-form-submit"
 * [submitLabel]="t('common.save')" [saving]="submitter.saving()" [errors]="submitter.otherErrors()">…`
 */
@Component({
  selector: 'app-form-dialog-body',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-dialog-content class="form-grid">
      <ng-content />
      @for (e of errors(); track e.field) {
        <p class="form-error" role="alert">{{ e.field }} : {{ e.message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end" *transloco="let t">
      <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
      <button mat-flat-button type="submit" [attr.data-testid]="submitTestId()" [disabled]="saving()">
        {{ submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    // The content and the actions stay direct parts of the dialog's layout (its scrolling content).
    :host {
      display: contents;
    }

    .form-grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: 16px;
      row-gap: 4px;
      // Room for the first field's floating label under the dialog title.
      padding-top: 8px !important;

      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }

    .form-error {
      grid-column: 1 / -1;
      color: var(--mat-sys-error);
    }
  `,
})
export class FormDialogBody {
  /** `data-testid` of the submit button. */
  readonly submitTestId = input.required<string>();
  /** The submit button's text, translated. */
  readonly submitLabel = input.required<string>();
  readonly saving = input(false);
  /** Errors of the API that match no field (DialogSubmit.otherErrors). */
  readonly errors = input<readonly FieldError[]>([]);
}
