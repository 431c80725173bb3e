import { Component, input, output } from '@angular/core';
import { MatButtonAppearance, MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** One button of a record page's toolbar; `action` is what the page is asked to do. */
export interface ActionButton<A extends string> {
  readonly action: A;
  readonly icon: string;
  readonly appearance: MatButtonAppearance;
  /** It only opens a dialog: it stays enabled while one of the page's requests runs. */
  readonly whileBusy?: boolean;
}

/**
 * The action buttons of a record page's toolbar, in the order given (the page passes only those
 * the record's state and the user's permissions allow), all disabled while a request runs. Each
 * has the test id `<testIdPrefix><action>`; the page names each one's text by `labelKey`. When the
 * record may be edited, `editLink` (the editor's route) puts an "Edit" link first, test id
 * `<testIdPrefix>edit`, text `editLabelKey`.
 */
@Component({
  selector: 'app-action-buttons',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (editLink(); as link) {
        <a mat-stroked-button [routerLink]="link" [attr.data-testid]="testIdPrefix() + 'edit'">
          <mat-icon svgIcon="edit" aria-hidden="true" />
          {{ t(editLabelKey()) }}
        </a>
      }
      @for (button of buttons(); track button.action) {
        <button
          type="button"
          [matButton]="button.appearance"
          [attr.data-testid]="testIdPrefix() + button.action"
          [disabled]="busy() && !button.whileBusy"
          (click)="act.emit(button.action)"
        >
          <mat-icon [svgIcon]="button.icon" aria-hidden="true" />
          {{ t(labelKey()(button.action)) }}
        </button>
      }
    </ng-container>
  `,
  // The buttons sit in the page's own toolbar, spaced and wrapped by it.
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ActionButtons<A extends string> {
  readonly buttons = input.required<readonly ActionButton<A>[]>();
  readonly testIdPrefix = input.required<string>();
  readonly labelKey = input.required<(action: A) => string>();
  readonly busy = input(false);
  /** The editor's route, or null when the record may not be edited (no link). */
  readonly editLink = input<readonly (string | number)[] | null>(null);
  readonly editLabelKey = input('');
  readonly act = output<A>();
}
