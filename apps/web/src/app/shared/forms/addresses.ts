import { AbstractControl, ValidationErrors } from '@angular/forms';

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
