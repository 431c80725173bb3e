import { z } from 'zod';

/**
 * Quote numbers: `Q{YYYY}-{NNNNN}`, gapless per year (the API draws NNNNN from a per-year counter
 * under a row lock), and `Q{YYYY}-{NNNNN}-v{R}` for revision R ≥ 2 of the same quote. The first
 * version carries no suffix so the number a client already has stays the number of revision 1.
 */

export const QUOTE_NUMBER_PATTERN = /^Q(\d{4})-(\d{5})(?:-v([1-9]\d{0,2}))?$/;
/** The yearly counter is 5 digits wide: 99 999 quotes a year. */
export const MAX_QUOTE_SEQUENCE = 99_999;
/** Revisions are kept to 3 digits so a number always fits its column and the PDF header. */
export const MAX_QUOTE_REVISION = 999;

export interface QuoteNumberParts {
  year: number;
  /** 1 … 99 999 within the year. */
  sequence: number;
  /** 1 for the original quote, 2 for its first revision, … */
  revision: number;
}

function checkParts({ year, sequence, revision }: QuoteNumberParts): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return `year ${year} is not a 4-digit year`;
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_QUOTE_SEQUENCE) {
    return `sequence ${sequence} is outside 1…${MAX_QUOTE_SEQUENCE}`;
  }
  if (!Number.isInteger(revision) || revision < 1 || revision > MAX_QUOTE_REVISION) {
    return `revision ${revision} is outside 1…${MAX_QUOTE_REVISION}`;
  }
  return null;
}

/** `{ year: 2026, sequence: 42 }` → `Q2026-00042`; with `revision: 2` → `Q2026-00042-v2`. */
export function formatQuoteNumber(parts: { year: number; sequence: number; revision?: number }): string {
  const full: QuoteNumberParts = { ...parts, revision: parts.revision ?? 1 };
  const problem = checkParts(full);
  if (problem) throw new RangeError(`cannot format quote number: ${problem}`);
  const base = `Q${full.year}-${String(full.sequence).padStart(5, '0')}`;
  return full.revision === 1 ? base : `${base}-v${full.revision}`;
}

/**
 * `Q2026-00042-v2` → `{ year: 2026, sequence: 42, revision: 2 }`; null when the text is not a
 * quote number. `-v1` is refused: revision 1 is written without a suffix, so each quote has
 * exactly one spelling (searches and unique indexes rely on it).
 */
export function parseQuoteNumber(value: string): QuoteNumberParts | null {
  const match = QUOTE_NUMBER_PATTERN.exec(value);
  if (!match) return null;
  const parts: QuoteNumberParts = {
    year: Number(match[1]),
    sequence: Number(match[2]),
    revision: match[3] === undefined ? 1 : Number(match[3]),
  };
  if (match[3] === '1' || checkParts(parts)) return null;
  return parts;
}

/** The number of the revision that follows `number` in the same family (`Q2026-00042` → `-v2`). */
export function nextRevisionNumber(number: string): string {
  const parts = parseQuoteNumber(number);
  if (!parts) throw new RangeError(`"${number}" is not a quote number`);
  return formatQuoteNumber({ ...parts, revision: parts.revision + 1 });
}

export const QuoteNumberSchema = z
  .string()
  .refine(
    (value) => parseQuoteNumber(value) !== null,
    'expected a quote number such as Q2026-00042 or Q2026-00042-v2',
  );
