import { Component, booleanAttribute, input } from '@angular/core';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';

import { ControlError } from './control-error';
import { namedControl } from './named-control';

/**
 * A choice among fixed options of the enclosing form, its label and its error line; each option's
 * text is the translation of `optionKey` + the option:
 * `<app-select-field name="source" [label]="t('…')" [options]="sources" optionKey="sales.leadSource." />`.
 * The select carries `formcontrolname` as `formControlName` would: the browser journeys find it by it.
 */
@Component({
  selector: 'app-select-field',
  imports: [ControlError, MatFormFieldModule, MatSelectModule, ReactiveFormsModule, TranslocoDirective],
  template: `
    <mat-form-field *transloco="let t">
      <mat-label>{{ label() }}</mat-label>
      <mat-select
        [formControl]="field()"
        [attr.formcontrolname]="name()"
        [multiple]="multiple()"
        [required]="required()"
        [attr.data-testid]="testId()"
      >
        @for (option of options(); track option) {
          <mat-option [value]="option" [attr.data-testid]="optionTestId() ? optionTestId() + option : null">{{
            t(optionKey() + option)
          }}</mat-option>
        }
      </mat-select>
      <app-control-error matError [control]="field()" [messages]="messages()" />
    </mat-form-field>
  `,
  styleUrl: './field.scss',
})
export class SelectField {
  /** Name of the control in the enclosing form group (written as `formcontrolname`). */
  readonly name = input<string>();
  /** The control, when it has no name in the enclosing form group (a row of a form array). */
  readonly control = input<AbstractControl>();
  /** Translated. */
  readonly label = input.required<string>();
  readonly options = input.required<readonly string[]>();
  /** Translation key of an option, before the option itself (e.g. `sales.leadSource.`). */
  readonly optionKey = input.required<string>();
  readonly testId = input<string>();
  /** `data-testid` of an option, before the option itself (none without it). */
  readonly optionTestId = input<string>();
  readonly multiple = input(false, { transform: booleanAttribute });
  readonly required = input(false, { transform: booleanAttribute });
  /** Replacement texts of error keys (see ControlError). */
  readonly messages = input<Readonly<Record<string, string>>>({});

  protected readonly field = namedControl<unknown>(this.name, this.control);
}
