import { describe, expect, it } from 'vitest';
import { chargeableWeight } from './quote-math.js';
import { QuoteAcceptSchema, QuoteDuplicateSchema, QuoteRejectSchema } from './quote-actions.js';
import { QuoteLineInputSchema } from './quote-lines.js';
import { computeQuoteTotals } from './quote-math.js';
import {
  PublicQuoteSchema,
  QuoteCreateSchema,
  QuoteSchema,
  QuoteUpdateSchema,
  type QuoteCreateInput,
} from './quotes.js';
import { addDaysToIsoDate, canApplyQuoteAction } from '../vocabulary.js';

const CLIENT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const LEAD = '3f2b8c1a-7d4e-4b6a-9c2d-1e5f6a7b8c9d';

/** Export FCL Radès → Marseille, EUR freight plus TND local charges and a disbursement. */
function fclQuote(): QuoteCreateInput {
  return {
    clientId: CLIENT,
    title: 'Export 2 × 40HC Radès → Marseille',
    mode: 'sea_fcl',
    direction: 'export',
    incoterm: 'FOB',
    incotermPlace: 'Radès',
    origin: { locationCode: 'tnrds' },
    destination: { locationCode: 'FRMRS', address: 'Entrepôt Fos-sur-Mer' },
    containers: [{ type: '40HC', count: 2 }],
    grossWeightKg: '24000',
    currency: 'EUR',
    exchangeRate: '3.3645',
    internalNotes: 'Buy rate from the carrier, valid until end of month',
    items: [
      {
        kind: 'freight',
        description: 'Ocean freight',
        quantity: '2',
        unit: 'per_container',
        buyUnitPrice: '1150.00',
        sellUnitPrice: '1400.00',
        currency: 'EUR',
        exchangeRate: '3.3645',
        vatRate: 0,
      },
      {
        kind: 'additional_cost',
        description: 'THC',
        chargeTypeCode: 'thc',
        quantity: '2',
        unit: 'per_container',
        buyUnitPrice: '180.000',
        sellUnitPrice: '250.000',
        vatRate: 19,
      },
      {
        kind: 'additional_cost',
        description: 'Customs duties',
        quantity: '1',
        unit: 'shipment',
        buyUnitPrice: '420.500',
        sellUnitPrice: '420.500',
        vatRate: 0,
        isDisbursement: true,
      },
    ],
  };
}

function issuePaths(input: unknown): string[] {
  const result = QuoteCreateSchema.safeParse(input);
  return (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

describe('quote create', () => {
  it('takes a complete quote and normalises codes', () => {
    const quote = QuoteCreateSchema.parse(fclQuote());
    expect(quote.origin.locationCode).toBe('TNRDS');
    expect(quote.items[1]).toMatchObject({ chargeTypeCode: 'THC', currency: 'TND', isDisbursement: false });
    expect(quote.stampDutyApplies).toBe(true);
  });

  it('is for exactly one client or prospect', () => {
    expect(issuePaths({ ...fclQuote(), leadId: LEAD })).toEqual(['']);
    expect(issuePaths({ ...fclQuote(), clientId: undefined, leadId: LEAD })).toEqual([]);
  });

  it('rejects unknown fields, on the header and on a line', () => {
    expect(QuoteCreateSchema.safeParse({ ...fclQuote(), status: 'accepted' }).success).toBe(false);
    const items = [{ ...fclQuote().items?.[1], marginTnd: '999' }];
    expect(QuoteCreateSchema.safeParse({ ...fclQuote(), items }).success).toBe(false);
  });

  it('keeps rates consistent: foreign quotes and lines need one, TND has 1, one rate per currency', () => {
    expect(issuePaths({ ...fclQuote(), exchangeRate: undefined })).toEqual(['exchangeRate']);
    const [freight, thc] = fclQuote().items ?? [];
    expect(issuePaths({ ...fclQuote(), items: [{ ...freight, exchangeRate: undefined }] })).toEqual([
      'items.0.exchangeRate',
    ]);
    expect(issuePaths({ ...fclQuote(), items: [{ ...thc, exchangeRate: '3' }] })).toEqual([
      'items.0.exchangeRate',
    ]);
    expect(issuePaths({ ...fclQuote(), items: [freight, { ...freight, exchangeRate: '3.4' }] })).toEqual([
      'items.1.exchangeRate',
      'items.1.exchangeRate',
    ]);
    // "3.36450" is the same rate as "3.3645": decimals are compared as numbers, not text.
    expect(issuePaths({ ...fclQuote(), exchangeRate: '3.36450' })).toEqual([]);
  });

  it('re-bills a disbursement at cost without VAT', () => {
    const debours = { ...(fclQuote().items?.[2] ?? {}) };
    expect(
      QuoteLineInputSchema.safeParse({ ...debours, sellUnitPrice: '450.000' }).error?.issues[0]?.path,
    ).toEqual(['sellUnitPrice']);
    expect(QuoteLineInputSchema.safeParse({ ...debours, vatRate: 19 }).error?.issues[0]?.path).toEqual([
      'vatRate',
    ]);
    expect(QuoteLineInputSchema.safeParse({ ...debours, vatRate: 10 }).success).toBe(false);
  });

  it('checks the route, incoterm and containers', () => {
    expect(issuePaths({ ...fclQuote(), incotermPlace: undefined })).toEqual(['incotermPlace']);
    expect(issuePaths({ ...fclQuote(), origin: {} })).toEqual(['origin']);
    expect(issuePaths({ ...fclQuote(), origin: { locationCode: 'TN1UN' } })).toEqual(['origin.locationCode']);
    expect(issuePaths({ ...fclQuote(), destination: { locationCode: 'TUN' } })).toEqual([]);
    // ISO 6346 size-type codes from the equipment list; the earlier trade names have their shape.
    expect(issuePaths({ ...fclQuote(), containers: [{ type: '45G1', count: 2 }] })).toEqual([]);
    expect(issuePaths({ ...fclQuote(), containers: [{ type: '45 HC', count: 1 }] })).toEqual([
      'containers.0.type',
    ]);
    expect(issuePaths({ ...fclQuote(), carrierCode: 'ARM-001' })).toEqual([]);
    expect(issuePaths({ ...fclQuote(), carrierCode: 'CMA CGM' })).toEqual(['carrierCode']);
    const twice = [
      { type: '40HC', count: 1 },
      { type: '40HC', count: 1 },
    ];
    expect(issuePaths({ ...fclQuote(), containers: twice })).toEqual(['containers']);
  });

  it('updates a draft with a version and only known fields', () => {
    expect(QuoteUpdateSchema.safeParse({ version: 1, transitTimeDays: 12 }).success).toBe(true);
    expect(QuoteUpdateSchema.safeParse({ transitTimeDays: 12 }).success).toBe(false);
    expect(QuoteUpdateSchema.safeParse({ version: 1, clientId: CLIENT }).success).toBe(false);
  });

  it('defaults validity 15 days ahead on the calendar', () => {
    expect(addDaysToIsoDate('2026-01-20', 15)).toBe('2026-02-04');
    expect(addDaysToIsoDate('2026-12-25', 15)).toBe('2027-01-09');
    expect(addDaysToIsoDate('2028-02-20', 15)).toBe('2028-03-06');
    // Not a calendar date: refused rather than rolled over into March.
    expect(() => addDaysToIsoDate('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDaysToIsoDate('20-01-2026', 1)).toThrow(RangeError);
  });
});

describe('quote actions', () => {
  it('requires a reason to reject', () => {
    expect(QuoteRejectSchema.safeParse({ version: 3 }).success).toBe(false);
    expect(QuoteRejectSchema.safeParse({ version: 3, reason: 'Too expensive' }).success).toBe(true);
  });

  it('saves the booking facts at acceptance, ETA not before ETD', () => {
    const transport = {
      carrierName: 'CMA CGM',
      vesselName: 'CMA CGM Tage',
      bookingReference: 'TUN123',
      etd: '2026-03-10',
    };
    expect(
      QuoteAcceptSchema.safeParse({ version: 3, transport: { ...transport, eta: '2026-03-14' } }).success,
    ).toBe(true);
    expect(
      QuoteAcceptSchema.safeParse({ version: 3, transport: { ...transport, eta: '2026-03-09' } }).success,
    ).toBe(false);
  });

  it('allows each action only from the statuses that make sense', () => {
    expect(canApplyQuoteAction('sent', 'accept')).toBe(true);
    expect(canApplyQuoteAction('draft', 'accept')).toBe(false);
    expect(canApplyQuoteAction('accepted', 'cancel')).toBe(false);
    expect(canApplyQuoteAction('superseded', 'revise')).toBe(false);
    expect(canApplyQuoteAction('cancelled', 'duplicate')).toBe(true);
  });

  it('duplicates for the same parent or for one other', () => {
    expect(QuoteDuplicateSchema.safeParse({}).success).toBe(true);
    expect(QuoteDuplicateSchema.safeParse({ clientId: CLIENT, leadId: LEAD }).success).toBe(false);
  });
});

describe('public quote view', () => {
  it('shows the customer no buy price, margin or internal note', () => {
    const input = QuoteCreateSchema.parse(fclQuote());
    const { lines, totals } = computeQuoteTotals(input.items, {
      currency: input.currency,
      exchangeRate: input.exchangeRate,
    });
    const stored = QuoteSchema.parse({
      ...input,
      id: '0b6a1c1e-3f0c-4a55-9a8e-2f1d3c4b5a69',
      version: 2,
      createdAt: '2026-02-01T08:00:00Z',
      updatedAt: '2026-02-01T09:00:00Z',
      createdBy: 'commercial1',
      archivedAt: null,
      validUntil: '2026-02-16',
      assignedTo: ['commercial1'],
      leadId: null,
      items: input.items.map((item, position) => ({
        ...item,
        exchangeRate: item.exchangeRate ?? '1',
        id: `0b6a1c1e-3f0c-4a55-9a8e-2f1d3c4b5a6${position}`,
        position,
        ...lines[position],
      })),
      number: 'Q2026-00042',
      revision: 1,
      revisedFromId: null,
      status: 'sent',
      sentAt: '2026-02-01T09:00:00Z',
      decidedAt: null,
      statusReason: null,
      transport: null,
      customerReference: null,
      chargeableWeight: chargeableWeight(input),
      totals,
      customerName: 'Textiles du Sahel',
      contactName: 'Leïla Ben Ali',
      opportunityTitle: 'Export textiles',
      originName: 'Radès',
      destinationName: 'Marseille-Fos',
      carrierName: 'CMA CGM',
    });
    const json = JSON.stringify(
      PublicQuoteSchema.parse({ ...stored, customerName: 'Textiles du Sahel', language: 'fr' }),
    );
    for (const secret of [
      'buyUnitPrice',
      'buyTotalTnd',
      'buyTnd',
      'margin',
      'internalNotes',
      'assignedTo',
      '1150',
      '7738.350',
    ]) {
      expect(json, secret).not.toContain(secret);
    }
    expect(json).toContain('"sellTotalTnd":"9420.600"');
    expect(json).toContain('"totalTnd":"10437.100"');
    expect(json).toContain('"originName":"Radès"');
  });
});
