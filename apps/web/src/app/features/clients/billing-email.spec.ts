import { describe, expect, it } from 'vitest';

import { billingEmail } from './billing-email';

// What the invoice send and reminder dialogs start with (the user can still change it).
describe('billingEmail', () => {
  it("is the client's own address first", () => {
    expect(
      billingEmail({ email: 'compta@carthage.example' }, { emails: ['m.karray@carthage.example'] }),
    ).toBe('compta@carthage.example');
  });

  it("else the primary contact's first address", () => {
    expect(
      billingEmail({ email: null }, { emails: ['m.karray@carthage.example', 'mehdi@carthage.example'] }),
    ).toBe('m.karray@carthage.example');
    expect(billingEmail({ email: undefined }, { emails: ['m.karray@carthage.example'] })).toBe(
      'm.karray@carthage.example',
    );
  });

  it('else nothing: the field starts empty', () => {
    expect(billingEmail({ email: null }, undefined)).toBeNull();
    expect(billingEmail({ email: null }, { emails: [] })).toBeNull();
  });
});
