import { Component, input, model } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A multiple-choice filter of a list (status, stage, type…); nothing chosen means no filter (the
 * parameter is left out). Option labels are the keys `<optionKey>.<option>` of the page's
 * translation scope.
 */
@Component({
  selector: 'app-list-select-filter',
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select multiple [attr.data-testid]="testid() ?? null" [(value)]="value">
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ optionKey() + '.' + option | transloco }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class ListSelectFilter<T extends string> {
  readonly label = input.required<string>();
  readonly options = input.required<readonly T[]>();
  /** Translation key prefix of the option labels, e.g. `sales.leadStatus`. */
  readonly optionKey = input.required<string>();
  readonly value = model.required<T[]>();
  readonly testid = input<string>();
}
