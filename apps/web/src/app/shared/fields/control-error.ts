import { Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';
import { switchMap } from 'rxjs';

import { firstError } from '../forms/form-errors';

/**
 * The message of a control's first error (validators first, then the API's), inside a
 * `<mat-form-field>`: `<app-control-error matError [control]="form.controls.email" />`. The `matError`
 * attribute is what puts it in the field's error slot (shown only while the control is in error).
 * `messages` replaces the generic text of an error key, e.g.
 * `[messages]="{ 'validation.server': t('clients.form.fiscalIdInvalid') }"`.
 */
@Component({
  selector: 'app-control-error',
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (error(); as e) {
        {{ messages()[e.key] ?? e.text ?? t(e.key, e.params) }}
      }
    </ng-container>
  `,
})
export class ControlError {
  readonly control = input.required<AbstractControl>();
  readonly messages = input<Readonly<Record<string, string>>>({});

  // Reactive forms have no signal for `errors`: every status event (validation, or an API error
  // set with setErrors) re-reads them, so this OnPush component follows the control.
  private readonly events = toSignal(toObservable(this.control).pipe(switchMap((control) => control.events)));
  protected readonly error = computed(() => {
    this.events();
    return firstError(this.control());
  });
}
