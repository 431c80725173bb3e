import { FormControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';

import { addressesValidator, splitAddresses } from './addresses';
import { countControl, requiredTextControl, textControl } from './text-control';

describe('text controls', () => {
  it('an optional text may be empty, not too long', () => {
    const control = textControl(3);
    expect(control.valid).toBe(true);
    control.setValue('abcd');
    expect(control.errors).toHaveProperty('maxlength');
  });

  it('a required text refuses spaces alone as it refuses nothing', () => {
    const control = requiredTextControl(10);
    expect(control.errors).toEqual({ required: true });
    control.setValue('   ');
    expect(control.errors).toEqual({ required: true });
    control.setValue(' why ');
    expect(control.valid).toBe(true);
  });
});

describe('counts', () => {
  it('takes a whole number from 0, or nothing', () => {
    const control = countControl();
    expect(control.valid).toBe(true);
    control.setValue(12);
    expect(control.valid).toBe(true);
    control.setValue(2.5);
    expect(control.errors).toEqual({ integer: true });
    control.setValue(-5);
    expect(control.errors).toHaveProperty('min');
  });
});

describe('address lists', () => {
  it('splits on commas, semicolons and spaces', () => {
    expect(splitAddresses(' a@b.tn, c@d.tn;e@f.tn  ')).toEqual(['a@b.tn', 'c@d.tn', 'e@f.tn']);
  });

  it('wants e-mails, at most max of them', () => {
    const validate = addressesValidator(2);
    const check = (value: string) => validate(new FormControl(value));
    expect(check('')).toBeNull();
    expect(check('a@b.tn c@d.tn')).toBeNull();
    expect(check('a@b')).toEqual({ email: true });
    expect(check('a@b.tn c@d.tn e@f.tn')).toEqual({ tooManyAddresses: { max: 2 } });
  });
});
