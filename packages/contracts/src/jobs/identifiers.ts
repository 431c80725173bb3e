import { z } from 'zod';

// Check-digit rules of the transport identifiers a job carries. Zod schemas wrap them so a bad
// number is a 400 naming its field; the functions are exported for the SPA's inline hints.

/**
 * ISO 6346 letter values: A=10 … Z=38, skipping 11, 22 and 33 (multiples of 11), so that a
 * letter never weighs the same as the check remainder.
 */
function letterValue(letter: string): number {
  let value = 10;
  for (let code = 65; code < letter.charCodeAt(0); code++) {
    value++;
    if (value % 11 === 0) value++;
  }
  return value;
}

/** The check digit of the first 10 characters of a container number (owner, category, serial). */
export function containerCheckDigit(first10: string): number {
  let sum = 0;
  [...first10].forEach((char, i) => {
    const value = /\d/.test(char) ? Number(char) : letterValue(char);
    sum += value * 2 ** i;
  });
  return (sum % 11) % 10;
}

/**
 * ISO 6346 container number: owner code (3 letters), category (U, J or Z), 6-digit serial and
 * check digit — `CSQU3054383`. Spaces and dashes as printed on the box are ignored.
 */
export function isValidContainerNumber(value: string): boolean {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(value)) return false;
  return containerCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

export const ContainerNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .overwrite((v) => v.replace(/[\s-]/g, ''))
  .refine(
    isValidContainerNumber,
    'expected an ISO 6346 container number with a valid check digit, e.g. CSQU3054383',
  );

/**
 * Air waybill number `ppp-ssssssss`: the airline's 3-digit prefix and an 8-digit serial whose last
 * digit is the first seven modulo 7 (IATA Resolution 600a): `176-12345675`.
 */
export function isValidAwbNumber(value: string): boolean {
  const match = /^(\d{3})-(\d{7})(\d)$/.exec(value);
  if (!match) return false;
  return Number(match[2]) % 7 === Number(match[3]);
}

export const AwbNumberSchema = z
  .string()
  .trim()
  .overwrite((v) => (/^\d{11}$/.test(v) ? `${v.slice(0, 3)}-${v.slice(3)}` : v))
  .refine(isValidAwbNumber, 'expected an air waybill number ppp-ssssssss with a valid mod-7 check digit');

/** UN number of dangerous goods: 4 digits, written `UN1263` or `1263` (stored as the 4 digits). */
export const UnNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .overwrite((v) => v.replace(/^UN\s*/, ''))
  .regex(/^\d{4}$/, 'expected a UN number of 4 digits such as 1263');

/** IMDG hazard class or division: 1–9, optionally a division (2.1, 4.3) and a compatibility letter (1.4S). */
export const ImoClassSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[1-9](?:\.[1-6])?[A-HJLN-S]?$/, 'expected an IMDG class such as 3, 2.1 or 1.4S');

/**
 * Job numbers `{MODE}{DIRECTION}{YY}-{NNNNN}`: S/A/R for sea, air, road, E/I for export/import,
 * the 2-digit year and a sequence gapless per prefix and year (`SE26-00012`).
 */
export const JOB_NUMBER_PATTERN = /^([SAR])([EI])(\d{2})-(\d{5})$/;
export const JobNumberSchema = z
  .string()
  .regex(JOB_NUMBER_PATTERN, 'expected a job number such as SE26-00012');

/** `sea_fcl` + `export` → `SE`: the prefix the yearly counter is kept under. */
export function jobNumberPrefix(mode: string, direction: 'import' | 'export'): string {
  const letter = mode.startsWith('sea') ? 'S' : mode.startsWith('air') ? 'A' : 'R';
  return `${letter}${direction === 'export' ? 'E' : 'I'}`;
}

export function formatJobNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) {
    throw new RangeError(`job sequence ${sequence} is outside 1…99999`);
  }
  return `${prefix}${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(5, '0')}`;
}
