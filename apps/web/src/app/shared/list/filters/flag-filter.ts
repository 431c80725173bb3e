import { Component, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/**
 * A yes-only filter of a list's toolbar, as a button that stays pressed: on (`'true'`) or off
 * (`''`, no filter), the list's address form of a boolean filter (`overdue`, `toInvoice`).
 * `<app-flag-filter icon="warning" [label]="t('…')" testid="jobs-filter-overdue" [(value)]="list.filters.overdue" />`
 */
@Component({
  selector: 'app-flag-filter',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <button
      mat-stroked-button
      type="button"
      [attr.data-testid]="testid()"
      [attr.aria-pressed]="value() === 'true'"
      [class.active]="value() === 'true'"
      (click)="value.set(value() === 'true' ? '' : 'true')"
    >
      <mat-icon [svgIcon]="icon()" aria-hidden="true" />
      {{ label() }}
    </button>
  `,
  styles: `
    .active {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class FlagFilter {
  readonly value = model.required<string>();
  readonly label = input.required<string>();
  readonly icon = input.required<string>();
  readonly testid = input.required<string>();
}
