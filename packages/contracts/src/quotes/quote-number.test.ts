import { describe, expect, it } from 'vitest';
import {
  QuoteNumberSchema,
  formatQuoteNumber,
  nextRevisionNumber,
  parseQuoteNumber,
} from './quote-number.js';

describe('quote numbers Q{YYYY}-{NNNNN}[-vR]', () => {
  it('pads the yearly sequence to 5 digits and leaves revision 1 without suffix', () => {
    expect(formatQuoteNumber({ year: 2026, sequence: 42 })).toBe('Q2026-00042');
    expect(formatQuoteNumber({ year: 2026, sequence: 42, revision: 1 })).toBe('Q2026-00042');
    expect(formatQuoteNumber({ year: 2026, sequence: 99999, revision: 2 })).toBe('Q2026-99999-v2');
  });

  it('parses what it formats', () => {
    expect(parseQuoteNumber('Q2026-00042')).toEqual({ year: 2026, sequence: 42, revision: 1 });
    expect(parseQuoteNumber('Q2026-00042-v12')).toEqual({ year: 2026, sequence: 42, revision: 12 });
    const parts = { year: 2031, sequence: 7, revision: 3 };
    expect(parseQuoteNumber(formatQuoteNumber(parts))).toEqual(parts);
  });

  it('refuses anything that is not exactly one spelling of a quote number', () => {
    for (const bad of [
      'Q2026-0042',
      'Q2026-000042',
      'q2026-00042',
      'Q2026-00000',
      'Q2026-00042-v1',
      'Q2026-00042-v0',
      'Q26-00042',
      ' Q2026-00042',
      'Q2026-00042-v',
    ]) {
      expect(parseQuoteNumber(bad), bad).toBeNull();
      expect(QuoteNumberSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('refuses to format numbers outside the counter', () => {
    expect(() => formatQuoteNumber({ year: 2026, sequence: 100000 })).toThrow(RangeError);
    expect(() => formatQuoteNumber({ year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => formatQuoteNumber({ year: 2026, sequence: 1.5 })).toThrow(RangeError);
    expect(() => formatQuoteNumber({ year: 26, sequence: 1 })).toThrow(RangeError);
  });

  it('numbers the next revision of a family', () => {
    expect(nextRevisionNumber('Q2026-00042')).toBe('Q2026-00042-v2');
    expect(nextRevisionNumber('Q2026-00042-v2')).toBe('Q2026-00042-v3');
    expect(() => nextRevisionNumber('2026-42')).toThrow(RangeError);
  });
});
