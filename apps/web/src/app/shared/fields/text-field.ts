import { Component, booleanAttribute, input } from '@angular/core';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule, SubscriptSizing } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { ControlError } from './control-error';
import { namedControl } from './named-control';
import { DecimalLanguageInput } from '../forms/decimal-language-input';

/**
 * A text input (or, with `rows`, a text area) of the enclosing form, its label and its error line:
 * `<app-text-field name="fullName" [label]="t('…')" testId="lead-fullName" required />`.
 * The input carries `formcontrolname` as `formControlName` would: the browser journeys find it by it,
 * and its error line is `<testId>-error`.
 */
@Component({
  selector: 'app-text-field',
  imports: [DecimalLanguageInput, ControlError, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field [subscriptSizing]="subscriptSizing()">
      <mat-label>{{ label() }}</mat-label>
      @if (rows(); as rows) {
        <textarea
          matInput
          [rows]="rows"
          [formControl]="field()"
          [attr.formcontrolname]="name()"
          [required]="required()"
          [attr.data-testid]="testId()"
        ></textarea>
      } @else {
        <input
          matInput
          [type]="type()"
          [attr.inputmode]="inputmode()"
          [appDecimalLanguage]="inputmode() === 'decimal'"
          [attr.autocomplete]="autocomplete()"
          [attr.cdkFocusInitial]="focusInitial() ? '' : null"
          [placeholder]="placeholder()"
          [formControl]="field()"
          [attr.formcontrolname]="name()"
          [required]="required()"
          [attr.data-testid]="testId()"
        />
      }
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <app-control-error
        matError
        [control]="field()"
        [messages]="messages()"
        [attr.data-testid]="testId() ? testId() + '-error' : null"
      />
    </mat-form-field>
  `,
  styleUrl: './field.scss',
})
export class TextField {
  /** Name of the control in the enclosing form group (written as `formcontrolname`). */
  readonly name = input<string>();
  /** The control, when it has no name in the enclosing form group (a row of a form array). */
  readonly control = input<AbstractControl>();
  /** Translated. */
  readonly label = input.required<string>();
  readonly testId = input<string>();
  readonly type = input<'text' | 'email' | 'tel'>('text');
  /** `email` for a list of addresses (a plain text input: `type="email"` takes one address). */
  readonly inputmode = input<'decimal' | 'numeric' | 'email' | null>(null);
  readonly autocomplete = input('off');
  readonly required = input(false, { transform: booleanAttribute });
  /** The input a dialog focuses first (CDK's `cdkFocusInitial`). */
  readonly focusInitial = input(false, { transform: booleanAttribute });
  /** Translated; e.g. the value the server uses when the field is left empty. */
  readonly placeholder = input('');
  /** A text area of that many rows instead of a one-line input. */
  readonly rows = input<number>();
  /** Translated. */
  readonly hint = input<string>();
  readonly subscriptSizing = input<SubscriptSizing>('fixed');
  /** Replacement texts of error keys (see ControlError). */
  readonly messages = input<Readonly<Record<string, string>>>({});

  protected readonly field = namedControl<string>(this.name, this.control);
}
