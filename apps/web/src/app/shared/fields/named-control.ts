import { Signal, computed, inject } from '@angular/core';
import { AbstractControl, ControlContainer, FormControl } from '@angular/forms';

/**
 * The control of a field component: the one given (`[control]`), else the one its `name` input
 * names in the form group of the enclosing `[formGroup]` (or `formGroupName`), as `formControlName`
 * would. A dialog then writes `<app-text-field name="email" … />` rather than also passing
 * `form.controls.email`. Call it in a field initializer of the component (it injects the container).
 */
export function namedControl<T>(
  name: Signal<string | undefined>,
  given: Signal<AbstractControl | undefined>,
): Signal<FormControl<T>> {
  const container = inject(ControlContainer, { optional: true });
  return computed(() => {
    const control = given() ?? container?.control?.get(name() ?? '');
    if (!(control instanceof FormControl)) throw new Error(`No form control named "${name()}"`);
    return control as FormControl<T>;
  });
}
