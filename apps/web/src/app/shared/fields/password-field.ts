import { Component, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';

import { ControlError } from './control-error';

/**
 * A new password, hidden by default with a button to show it while typing:
 * `<app-password-field [control]="form.controls.password" name="password" [label]="t('…')"
 * [hint]="t('…')" />`.
 */
@Component({
  selector: 'app-password-field',
  imports: [
    ControlError,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  template: `
    <mat-form-field subscriptSizing="dynamic" *transloco="let t">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        autocomplete="new-password"
        required
        [type]="hidden() ? 'password' : 'text'"
        [formControl]="control()"
        [attr.formcontrolname]="name()"
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        [attr.aria-label]="t('common.showPassword')"
        [attr.aria-pressed]="!hidden()"
        (click)="hidden.set(!hidden())"
      >
        <mat-icon [svgIcon]="hidden() ? 'visibility' : 'visibility_off'" aria-hidden="true" />
      </button>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <app-control-error matError [control]="control()" />
    </mat-form-field>
  `,
  styleUrl: './field.scss',
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  /**
   * Name of the control in its form, written as the input's `formcontrolname` attribute as
   * `formControlName` would: the browser journeys find the field by it.
   */
  readonly name = input.required<string>();
  /** Translated. */
  readonly label = input.required<string>();
  /** Translated. */
  readonly hint = input<string>();

  protected readonly hidden = signal(true);
}
