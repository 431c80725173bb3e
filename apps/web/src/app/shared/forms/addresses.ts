import { AbstractControl, FormControl, ValidationErrors, Validators } from '@angular/forms';
import { MAIL_MAX_RECIPIENTS } from '@velosi/contracts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E-mail addresses typed in one field, separated by commas, semicolons or spaces. */
export function splitAddresses(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Every address must look like an e-mail (`email`), and there may be at most `max` of them
 * (`tooManyAddresses`, shown as `validation.tooManyAddresses` with its `max`).
 */
export function addressesValidator(max: number) {
  return (control: AbstractControl): ValidationErrors | null => {
    const list = splitAddresses(String(control.value ?? ''));
    if (!list.every((e) => EMAIL.test(e))) return { email: true };
    return list.length <= max ? null : { tooManyAddresses: { max } };
  };
}

/**
 * A mail's address field: `initial` typed in for the user to keep or change (a client's or a
 * contact's address), at most `max` addresses (the contract's cap), required or not.
 */
export function addressesControl(
  initial: string | null,
  { max = MAIL_MAX_RECIPIENTS, required = false }: { max?: number; required?: boolean } = {},
): FormControl<string> {
  const validators = [addressesValidator(max)];
  return new FormControl(initial ?? '', {
    nonNullable: true,
    validators: required ? [Validators.required, ...validators] : validators,
  });
}
