import { describe, expect, it } from 'vitest';

import { chargeForm, chargePreviewTnd } from './job-charge-form';

describe('chargePreviewTnd: the TND amount shown before a cost line is saved', () => {
  const form = (values: Partial<ReturnType<ReturnType<typeof chargeForm>['getRawValue']>>) => {
    const f = chargeForm();
    f.patchValue(values);
    return f;
  };

  it('is quantity × unit price × rate to the millime, as the API stores it', () => {
    // 2 × 1499.995 × 3.351234 = 10053.668487… → 10053.668 (the API's figure for the same line).
    expect(
      chargePreviewTnd(
        form({ quantity: '2', unitPrice: '1499.995', currency: 'EUR', exchangeRate: '3.351234' }),
      ),
    ).toBe('10053.668');
    // A TND line is at rate 1 whatever the hidden rate field holds.
    expect(
      chargePreviewTnd(form({ quantity: '3', unitPrice: '1.234', currency: 'TND', exchangeRate: '' })),
    ).toBe('3.702');
  });

  it('says nothing while a figure is not a number yet, or a foreign rate is missing', () => {
    expect(chargePreviewTnd(form({ quantity: '2', unitPrice: '12abc' }))).toBeNull();
    expect(chargePreviewTnd(form({ quantity: '-1', unitPrice: '10' }))).toBeNull();
    expect(
      chargePreviewTnd(form({ quantity: '1', unitPrice: '10', currency: 'EUR', exchangeRate: '' })),
    ).toBeNull();
  });
});
