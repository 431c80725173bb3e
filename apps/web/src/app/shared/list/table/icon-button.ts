import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/**
 * A row's icon button (edit, archive…): the tooltip names the action, the accessible name may
 * name its record too. The page listens to `(click)` and sets `data-testid` on the host:
 *
 *     <app-icon-button icon="edit" [label]="t('sales.actions.edit')" data-testid="x-edit" (click)="edit(x)" />
 */
@Component({
  selector: 'app-icon-button',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <button mat-icon-button type="button" [matTooltip]="label()" [attr.aria-label]="ariaLabel() ?? label()">
      <mat-icon [svgIcon]="icon()" aria-hidden="true" />
    </button>
  `,
  styles: `
    :host {
      display: inline-block;
    }
  `,
})
export class IconButton {
  readonly icon = input.required<string>();
  /** The tooltip (and the accessible name, unless `ariaLabel` is given). */
  readonly label = input.required<string>();
  readonly ariaLabel = input<string>();
}
