import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/**
 * The icon buttons at the end of a line the user corrects or deletes in place (a job's containers,
 * charge lines, milestones): "Edit" when `editLabel` is given, then "Delete". The labels are the
 * buttons' accessible names, already translated (they often name the line). It is the host that
 * the page lays out, so the page's own `.row-actions` class may style it:
 * `<app-row-actions class="row-actions" [editLabel]="…" [deleteLabel]="…" (edit)="…" (remove)="…" />`.
 */
@Component({
  selector: 'app-row-actions',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (editLabel(); as label) {
      <button mat-icon-button type="button" [attr.aria-label]="label" (click)="edit.emit()">
        <mat-icon svgIcon="edit" aria-hidden="true" />
      </button>
    }
    <button mat-icon-button type="button" [attr.aria-label]="deleteLabel()" (click)="remove.emit()">
      <mat-icon svgIcon="delete" aria-hidden="true" />
    </button>
  `,
})
export class RowActions {
  /** No edit button without it (a line that is only deleted). */
  readonly editLabel = input<string>();
  readonly deleteLabel = input.required<string>();
  readonly edit = output();
  readonly remove = output();
}
