import { describe, expect, it } from 'vitest';
import { ClientCreateSchema, ClientUpdateSchema } from '../crm/clients.js';
import { BankAccountSchema, SwiftSchema, isValidIban, isValidRib, ribKey } from './bank.js';
import { MatriculeSchema, normaliseMatricule } from './tax-id.js';

/** A small deterministic generator (no dependency): the same "random" cases on every run. */
function* digitStrings(count: number, length: number): Generator<string> {
  let seed = 20260605;
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      s += String(seed % 10);
    }
    yield s;
  }
}

describe('matricule fiscal', () => {
  it('accepts the slashed form and the compact or spaced forms, normalised', () => {
    expect(normaliseMatricule('1234567A/A/M/000')).toBe('1234567A/A/M/000');
    expect(normaliseMatricule('1234567aam000')).toBe('1234567A/A/M/000');
    expect(normaliseMatricule(' 1234567 B / P / C / 001 ')).toBe('1234567B/P/C/001');
    expect(MatriculeSchema.parse('0012345z-n-e-123')).toBe('0012345Z/N/E/123');
  });

  it('refuses wrong lengths, VAT codes and categories', () => {
    for (const bad of [
      '1234567/A/M/000', // no check letter
      '123456A/A/M/000', // 6 digits
      '1234567A/C/M/000', // C is no VAT code
      '1234567A/A/X/000', // X is no category
      '1234567A/A/M/00', // 2-digit establishment
      'abc',
    ]) {
      expect(normaliseMatricule(bad), bad).toBeNull();
    }
  });
});

describe('RIB, IBAN and SWIFT', () => {
  it('checks the RIB key on many generated accounts (valid key passes, any other fails)', () => {
    for (const first18 of digitStrings(200, 18)) {
      const rib = `${first18}${ribKey(first18)}`;
      expect(isValidRib(rib), rib).toBe(true);
      const wrong = `${first18}${String((Number(ribKey(first18)) % 97) + 1).padStart(2, '0')}`;
      expect(isValidRib(wrong), wrong).toBe(false);
      // A TN IBAN is TN59 + RIB: its ISO 13616 check digits are always 59.
      expect(isValidIban(`TN59${rib}`)).toBe(true);
      expect(isValidIban(`TN58${rib}`)).toBe(false);
    }
  });

  it('checks foreign IBANs with mod 97 and stores them without spaces', () => {
    expect(BankAccountSchema.parse('fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(BankAccountSchema.safeParse('TN59 1000 6035 1835 9847 8831').success).toBe(true);
    expect(BankAccountSchema.safeParse('TN59 1000 6035 1835 9847 8832').success).toBe(false);
    expect(BankAccountSchema.safeParse('12345').success).toBe(false);
  });

  it('takes 8- or 11-character SWIFT codes', () => {
    expect(SwiftSchema.parse('biattntt')).toBe('BIATTNTT');
    expect(SwiftSchema.safeParse('BIATTNTTXXX').success).toBe(true);
    expect(SwiftSchema.safeParse('BIATTNT').success).toBe(false);
    expect(SwiftSchema.safeParse('BIATTNTTXX').success).toBe(false);
  });
});

describe('client fiscal rules', () => {
  const fieldsOf = (input: unknown) =>
    ClientCreateSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('checks a Tunisian tax id and normalises it; a foreign one is free text', () => {
    expect(fieldsOf({ name: 'X', fiscalId: '1234567/A/M/000' })).toEqual(['fiscalId']);
    expect(ClientCreateSchema.parse({ name: 'X', fiscalId: '1234567aam000' }).fiscalId).toBe(
      '1234567A/A/M/000',
    );
    expect(ClientCreateSchema.parse({ name: 'X', country: 'FR', fiscalId: 'FR 12 345678901' }).fiscalId).toBe(
      'FR 12 345678901',
    );
    expect(ClientUpdateSchema.parse({ version: 2, fiscalId: '1234567a/a/m/000' }).fiscalId).toBe(
      '1234567A/A/M/000',
    );
  });

  it('defaults to subject to VAT, and a suspension needs its authorisation with expiry after issue', () => {
    expect(ClientCreateSchema.parse({ name: 'X' })).toMatchObject({ vatRegime: 'subject', blocked: false });
    expect(fieldsOf({ name: 'X', vatRegime: 'suspended' })).toEqual([
      'vatSuspensionNumber',
      'vatSuspensionIssuedOn',
      'vatSuspensionExpiresOn',
    ]);
    const suspended = {
      name: 'X',
      vatRegime: 'suspended',
      vatSuspensionNumber: 'AUT-2026-117',
      vatSuspensionIssuedOn: '2026-01-10',
      vatSuspensionExpiresOn: '2026-01-10',
    };
    expect(fieldsOf(suspended)).toEqual(['vatSuspensionExpiresOn']);
    expect(fieldsOf({ ...suspended, vatSuspensionExpiresOn: '2027-01-09' })).toEqual([]);
  });

  it('wants a reason for a blocked client and checks bank, ledger account and addresses', () => {
    expect(fieldsOf({ name: 'X', blocked: true })).toEqual(['blockedReason']);
    expect(
      fieldsOf({
        name: 'X',
        bankAccount: '07101015001001234582',
        swift: 'BIAT',
        accountingAccount: '411 000',
        website: 'not a site',
        addresses: [{ kind: 'office', street: 'x', country: 'TN' }],
      }),
    ).toEqual(['bankAccount', 'swift', 'accountingAccount', 'website', 'addresses.0.kind']);
  });
});
