import { z } from 'zod';
import { FIELD_MESSAGES } from '../problem.js';

// Bank identifiers (docs/rules.md, "Clients' fiscal data"): IBAN by ISO 13616 (mod 97), the
// Tunisian RIB (20 digits whose last two are a mod-97 key) and SWIFT/BIC (ISO 9362).

/** Remainder modulo 97 of a long digit string, computed piecewise (no float, no BigInt needed). */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

/** Tunisian RIB: 2 bank + 3 branch + 13 account digits + 2-digit key = 97 - (first 18 × 100 mod 97). */
export function isValidRib(rib: string): boolean {
  if (!/^\d{20}$/.test(rib)) return false;
  const key = 97 - mod97(`${rib.slice(0, 18)}00`);
  return key === Number(rib.slice(18));
}

/** The key a RIB's first 18 digits call for (demo data and tests build valid RIBs with it). */
export function ribKey(first18: string): string {
  return String(97 - mod97(`${first18}00`)).padStart(2, '0');
}

/** ISO 13616: country + 2 check digits + BBAN; moved to the end, letters as 10..35, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  // A Tunisian IBAN is TN59 followed by a RIB, whose own key must hold too.
  if (iban.startsWith('TN') && !(iban.length === 24 && isValidRib(iban.slice(4)))) return false;
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`;
  const digits = moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/** IBAN (or a Tunisian 20-digit RIB), spaces allowed when typed, stored without them. */
export const BankAccountSchema = z
  .string()
  .overwrite((v) => v.replace(/[\s-]+/g, '').toUpperCase())
  .regex(/^(?:[A-Z]{2}\d{2}[A-Z0-9]{10,30}|\d{20})$/, 'expected an IBAN or a 20-digit RIB')
  .refine((v) => (/^\d{20}$/.test(v) ? isValidRib(v) : isValidIban(v)), FIELD_MESSAGES.bankCheckDigits);

/** SWIFT/BIC: 4-letter bank, 2-letter country, 2-char location, optional 3-char branch. */
export const SwiftSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/, FIELD_MESSAGES.swift);
