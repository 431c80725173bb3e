import { describe, expect, it } from 'vitest';
import { ClientCreateSchema, ClientUpdateSchema, ContactCreateSchema } from './clients.js';

describe('client contracts', () => {
  it('defaults to a Tunisian client billed in TND with French documents', () => {
    expect(ClientCreateSchema.parse({ name: 'Textiles du Sahel' })).toEqual({
      vatRegime: 'subject',
      stampDutyExempt: false,
      paymentTermsEndOfMonth: false,
      blocked: false,
      addresses: [],
      name: 'Textiles du Sahel',
      country: 'TN',
      currency: 'TND',
      language: 'fr',
    });
  });

  it('checks ISO codes and the document language', () => {
    expect(ClientCreateSchema.safeParse({ name: 'X', country: 'TUN' }).success).toBe(false);
    expect(ClientCreateSchema.safeParse({ name: 'X', currency: 'DT' }).success).toBe(false);
    expect(ClientCreateSchema.safeParse({ name: 'X', language: 'ar' }).success).toBe(false);
    expect(
      ClientUpdateSchema.safeParse({ version: 1, country: 'FR', currency: 'EUR', language: 'en' }).success,
    ).toBe(true);
  });

  it('takes contacts with several phones and e-mails', () => {
    expect(
      ContactCreateSchema.parse({ lastName: 'Trabelsi', phones: ['+216 98 000 000'], emails: ['a@b.tn'] }),
    ).toEqual({ lastName: 'Trabelsi', phones: ['+216 98 000 000'], emails: ['a@b.tn'], isPrimary: false });
    expect(ContactCreateSchema.safeParse({ lastName: 'Trabelsi', phones: ['call me'] }).success).toBe(false);
  });
});
