import { Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import type { FieldError } from '@velosi/contracts';

/** What the body shows of a dialog's submit (DialogSubmit has it): busy, and the unmatched errors. */
export interface SubmitState {
  saving(): boolean;
  otherErrors(): readonly FieldError[];
}

/**
 * Everything of a form dialog below its title, inside the dialog's `<form>`: the fields (projected,
 * laid out on a two-column grid; `class="span-2"` spans a row), the API errors no field shows, and
 * Cancel / submit (disabled while saving). Being inside the `<form>`, the projected fields find
 * its form group and the submit button submits it:
 * `<form [formGroup]="form" (ngSubmit)="submit()"><app-form-dialog-body submitTestId="lead-form-submit"
 * [submitLabel]="t('common.save')" [submitter]="submitter">…` (or `[saving]` and `[errors]` apart).
 */
@Component({
  selector: 'app-form-dialog-body',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  template: `
    <mat-dialog-content class="form-grid">
      <ng-content />
      @for (e of shownErrors(); track e.field) {
        <p class="form-error" role="alert">{{ e.field }} : {{ e.message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end" *transloco="let t">
      <button mat-button type="button" mat-dialog-close>{{ closeLabel() || t('common.cancel') }}</button>
      <button
        mat-flat-button
        type="submit"
        [attr.data-testid]="submitTestId()"
        [disabled]="busy() || !canSubmit()"
      >
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
  /** The button that closes without saving, when "Annuler" would read like the action itself. */
  readonly closeLabel = input('');
  readonly saving = input(false);
  /** False when there is nothing to submit (e.g. no line left to pick): the submit stays disabled. */
  readonly canSubmit = input(true);
  /** Errors of the API that match no field (DialogSubmit.otherErrors). */
  readonly errors = input<readonly FieldError[]>([]);
  /** The dialog's DialogSubmit: its busy state and unmatched errors, instead of `saving` and `errors`. */
  readonly submitter = input<SubmitState>();

  protected readonly busy = computed(() => this.submitter()?.saving() ?? this.saving());
  protected readonly shownErrors = computed(() => this.submitter()?.otherErrors() ?? this.errors());
}

/** What every form dialog's template uses: its form, the dialog parts, this body, translations. */
export const FORM_DIALOG_IMPORTS = [FormDialogBody, MatDialogModule, ReactiveFormsModule, TranslocoDirective];
