import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { ControlError } from './control-error';

/**
 * A date (`YYYY-MM-DD`, the contracts' date format) or, with `withTime`, a local date and time
 * (`datetime-local`; convert with localInputToIso / isoToLocalInput from form-problem):
 * `<app-date-field [control]="form.controls.expectedCloseDate" [label]="t('…')" />`.
 */
@Component({
  selector: 'app-date-field',
  imports: [ControlError, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [type]="withTime() ? 'datetime-local' : 'date'"
        [formControl]="control()"
        [attr.data-testid]="testId()"
      />
      <app-control-error matError [control]="control()" />
    </mat-form-field>
  `,
  styleUrl: './field.scss',
})
export class DateField {
  readonly control = input.required<FormControl<string>>();
  /** Translated. */
  readonly label = input.required<string>();
  readonly withTime = input(false);
  readonly testId = input<string>();
}
