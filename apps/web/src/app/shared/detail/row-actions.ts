import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/**
 * The icon buttons at the end of a line the user corrects or deletes in place (a job's containers,
 * charge lines and milestones, a client's contacts, the lines of the invoice and quote editors):
 * "Edit" when `editLabel` is given, then "Delete". The labels are the buttons' accessible names,
 * already translated (they often name the line); `tooltips` shows them on hover too, and
 * `testIdPrefix` gives the test ids `<prefix>edit` and `<prefix>delete`. The buttons sit in the
 * line's own layout (the host is `display: contents`) unless the page styles the host by a class
 * of its own: `<app-row-actions class="row-actions" [editLabel]="…" [deleteLabel]="…" (edit)="…" (remove)="…" />`.
 */
@Component({
  selector: 'app-row-actions',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    @if (editLabel(); as label) {
      <button
        mat-icon-button
        type="button"
        [attr.aria-label]="label"
        [attr.data-testid]="testIdPrefix() ? testIdPrefix() + 'edit' : null"
        [matTooltip]="label"
        [matTooltipDisabled]="!tooltips()"
        (click)="edit.emit()"
      >
        <mat-icon svgIcon="edit" aria-hidden="true" />
      </button>
    }
    <button
      mat-icon-button
      type="button"
      [disabled]="deleteDisabled()"
      [attr.aria-label]="deleteLabel()"
      [attr.data-testid]="testIdPrefix() ? testIdPrefix() + 'delete' : null"
      [matTooltip]="deleteLabel()"
      [matTooltipDisabled]="!tooltips()"
      (click)="remove.emit()"
    >
      <mat-icon svgIcon="delete" aria-hidden="true" />
    </button>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class RowActions {
  /** No edit button without it (a line that is only deleted). */
  readonly editLabel = input<string>();
  readonly deleteLabel = input.required<string>();
  /** The line may not go (the last line of an invoice). */
  readonly deleteDisabled = input(false);
  readonly tooltips = input(false);
  readonly testIdPrefix = input('');
  readonly edit = output();
  readonly remove = output();
}
