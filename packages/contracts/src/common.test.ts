import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from './index.js';
import {
  AmountSchema,
  line,
  optionalLine,
  CurrencyCodeSchema,
  ExchangeRateSchema,
  IsoDateSchema,
  QuantitySchema,
  SignedAmountSchema,
} from './common.js';
import { LeadListQuerySchema, LeadUpdateSchema } from './crm/leads.js';

describe('decimal strings', () => {
  it('accepts amounts with up to 3 decimals', () => {
    for (const ok of ['0', '12', '12.5', '1234.500', '999999999999.999'])
      expect(AmountSchema.parse(ok)).toBe(ok);
  });

  it('refuses floats, exponents, signs, leading zeros and a 4th decimal', () => {
    for (const bad of [
      12.5,
      '1.2345',
      '-1',
      '01.5',
      '1e3',
      '1.',
      '.5',
      ' 1',
      '1,5',
      '1000000000000',
      'NaN',
    ]) {
      expect(AmountSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('lets margins be negative but not prices', () => {
    expect(SignedAmountSchema.parse('-0.500')).toBe('-0.500');
    expect(AmountSchema.safeParse('-0.500').success).toBe(false);
  });

  it('takes exchange rates with up to 6 decimals, never zero', () => {
    expect(ExchangeRateSchema.parse('3.3645')).toBe('3.3645');
    expect(ExchangeRateSchema.parse('0.000001')).toBe('0.000001');
    for (const bad of ['0', '0.000000', '1.1234567'])
      expect(ExchangeRateSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses a zero quantity', () => {
    expect(QuantitySchema.safeParse('0.000').success).toBe(false);
    expect(QuantitySchema.parse('0.5')).toBe('0.5');
  });

  it('checks codes and calendar dates', () => {
    expect(CurrencyCodeSchema.safeParse('tnd').success).toBe(false);
    expect(IsoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(IsoDateSchema.parse('2028-02-29')).toBe('2028-02-29');
  });
});

describe('list queries', () => {
  it('caps pageSize at 100', () => {
    expect(LeadListQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false);
    expect(LeadListQuerySchema.parse({ pageSize: '100' }).pageSize).toBe(100);
  });

  it('sorts only by allowlisted fields', () => {
    expect(LeadListQuerySchema.parse({ sort: 'nextFollowUpDate:desc' }).sort).toEqual({
      field: 'nextFollowUpDate',
      direction: 'desc',
    });
    expect(LeadListQuerySchema.safeParse({ sort: 'email:asc' }).success).toBe(false);
  });

  it('lists live records by default and takes archived=true|all', () => {
    expect(LeadListQuerySchema.parse({}).archived).toBe('false');
    expect(LeadListQuerySchema.parse({ archived: 'all' }).archived).toBe('all');
    expect(LeadListQuerySchema.safeParse({ archived: 'yes' }).success).toBe(false);
  });

  it('reads multi-value filters from repeated keys or commas, and only known values', () => {
    expect(LeadListQuerySchema.parse({ status: ['new', 'lost'] }).status).toEqual(['new', 'lost']);
    expect(LeadListQuerySchema.parse({ status: 'new,lost' }).status).toEqual(['new', 'lost']);
    expect(LeadListQuerySchema.safeParse({ status: 'new,won' }).success).toBe(false);
  });

  it('rejects unknown parameters (a typo must not silently list everything)', () => {
    expect(LeadListQuerySchema.safeParse({ stauts: 'new' }).success).toBe(false);
  });
});

describe('update bodies', () => {
  it('require the version and reject unknown keys', () => {
    expect(LeadUpdateSchema.safeParse({ fullName: 'Ali' }).success).toBe(false);
    expect(LeadUpdateSchema.safeParse({ version: 3, createdBy: 'someone' }).success).toBe(false);
  });

  it('leave absent fields absent (no default may overwrite a stored value)', () => {
    expect(LeadUpdateSchema.parse({ version: 3 })).toEqual({ version: 3 });
    expect(LeadUpdateSchema.parse({ version: 3, phone: null })).toEqual({ version: 3, phone: null });
  });
});

describe('every exported schema', () => {
  const schemas = Object.entries(contracts as Record<string, unknown>).filter(
    (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
  );

  it('converts to JSON Schema (the API generates its OpenAPI document from them)', () => {
    expect(schemas.length).toBeGreaterThan(60);
    for (const [name, schema] of schemas) {
      expect(() => z.toJSONSchema(schema, { io: 'input' }), name).not.toThrow();
    }
  });
});

describe('line: names and titles on one line', () => {
  it('refuses line breaks, tabs and other control characters; accepts accents and symbols', () => {
    for (const bad of ['Export\r\nMarseille', 'a\nb', 'tab\there', 'bell\u0007', 'del\u007f', 'c1\u0085']) {
      expect(line(200).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['Radès → Marseille-Fos', 'Société « Sahel » & Cie', '45G1 × 2']) {
      expect(line(200).parse(good)).toBe(good);
    }
    expect(optionalLine(10).parse(null)).toBeNull();
  });
});
