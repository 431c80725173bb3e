import { computeQuoteTotals, type Quote, type QuoteLineInput } from '@velosi/contracts';

/**
 * A multi-currency sea quote with a VAT mix and a disbursement, and its totals worked out by hand:
 *
 *   1 freight  2 × 1 850.000 EUR @ 3.35  = 12 395.000 TND  VAT 0 %  (buy 2 × 1 500 EUR = 10 050.000)
 *   2 THC      2 ×   350.000 TND         =    700.000 TND  VAT 19 % = 133.000   (buy 560.000)
 *   3 dossier  1 ×    45.000 TND         =     45.000 TND  VAT 7 %  =   3.150   (buy 0)
 *   4 douane   1 × 1 234.567 TND débours =  1 234.567 TND  no VAT, no margin
 *   sell 14 374.567 · VAT 136.150 · stamp 1.000 → total 14 511.717 TND
 *   HT without débours 13 140.000 · buy 11 844.567 · margin 2 530.000 = 19.25 % of 13 140
 *   in EUR: 14 511.717 / 3.35 = 4 331.8558… → 4 331.856 EUR
 */
export const MULTI_CURRENCY_LINES: QuoteLineInput[] = [
  {
    kind: 'freight',
    description: 'Fret maritime Radès → Marseille, 40HC',
    chargeTypeCode: 'OFR',
    quantity: '2',
    unit: 'per_container',
    buyUnitPrice: '1500',
    sellUnitPrice: '1850',
    currency: 'EUR',
    exchangeRate: '3.35',
    vatRate: 0,
    isDisbursement: false,
  },
  {
    kind: 'additional_cost',
    description: 'THC départ Radès',
    chargeTypeCode: 'THC',
    quantity: '2',
    unit: 'per_container',
    buyUnitPrice: '280',
    sellUnitPrice: '350',
    currency: 'TND',
    vatRate: 19,
    isDisbursement: false,
  },
  {
    kind: 'additional_cost',
    description: 'Frais de dossier',
    chargeTypeCode: 'DOC',
    quantity: '1',
    unit: 'per_document',
    buyUnitPrice: '0',
    sellUnitPrice: '45',
    currency: 'TND',
    vatRate: 7,
    isDisbursement: false,
  },
  {
    kind: 'additional_cost',
    description: 'Droits et taxes de douane',
    chargeTypeCode: 'DUTY',
    quantity: '1',
    unit: 'shipment',
    buyUnitPrice: '1234.567',
    sellUnitPrice: '1234.567',
    currency: 'TND',
    vatRate: 0,
    isDisbursement: true,
  },
];

export const MULTI_CURRENCY_TOTALS = {
  buyTnd: '11844.567',
  sellTnd: '14374.567',
  marginTnd: '2530.000',
  marginPercent: '19.25',
  vatTnd: '136.150',
  vatBreakdown: [
    { rate: 19, baseTnd: '700.000', vatTnd: '133.000' },
    { rate: 7, baseTnd: '45.000', vatTnd: '3.150' },
    { rate: 0, baseTnd: '12395.000', vatTnd: '0.000' },
  ],
  disbursementsTnd: '1234.567',
  stampDutyTnd: '1.000',
  totalTnd: '14511.717',
  quoteCurrency: { currency: 'EUR', exchangeRate: '3.35', totalAmount: '4331.856' },
};

/** Printed figures that must never reach the customer (buy prices, buy totals, margins). */
export const MULTI_CURRENCY_PRIVATE_FIGURES = {
  fr: ['1 500,000', '280,000', '10 050,000', '560,000', '11 844,567', '2 530,000', '2 345,000', '19,25'],
  en: ['1,500.000', '280.000', '10,050.000', '560.000', '11,844.567', '2,530.000', '2,345.000', '19.25'],
};

/** A complete staff-side quote (as the API answers it) around MULTI_CURRENCY_LINES. */
export function multiCurrencyQuote(): Quote {
  const result = computeQuoteTotals(MULTI_CURRENCY_LINES, { currency: 'EUR', exchangeRate: '3.35' });
  const now = '2026-01-20T09:00:00.000Z';
  return {
    id: '0190a5b8-0000-7000-8000-000000000001',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: 'sub-commercial1',
    archivedAt: null,
    clientId: '0190a5b8-0000-7000-8000-000000000002',
    customerName: 'Textiles du Sahel SA',
    contactName: null,
    opportunityTitle: null,
    originName: 'Radès',
    destinationName: 'Marseille',
    carrierName: 'CMA CGM',
    leadId: null,
    contactId: null,
    opportunityId: null,
    title: 'Export textile Radès → Marseille',
    mode: 'sea_fcl',
    direction: 'export',
    incoterm: 'FOB',
    incotermPlace: 'Radès',
    origin: { locationCode: 'TNRDS', address: 'Zone industrielle Ben Arous' },
    destination: { locationCode: 'FRMRS', address: null },
    carrierCode: 'ARM-001',
    commodity: 'Vêtements en coton',
    packagesCount: 640,
    grossWeightKg: '18450.5',
    volumeM3: '132',
    containers: [{ type: '40HC', count: 2 }],
    transitTimeDays: 4,
    validUntil: '2026-02-04',
    paymentTerms: '30 jours fin de mois',
    conditions: 'Sous réserve de disponibilité des espaces.',
    internalNotes: 'Marge négociée avec MSC — ne pas communiquer',
    currency: 'EUR',
    exchangeRate: '3.35',
    stampDutyApplies: true,
    assignedTo: ['sub-commercial1'],
    items: MULTI_CURRENCY_LINES.map((line, position) => ({
      id: `0190a5b8-0000-7000-8000-00000000010${position}`,
      position,
      ...line,
      chargeTypeCode: line.chargeTypeCode ?? null,
      exchangeRate: line.exchangeRate ?? '1',
      ...result.lines[position]!,
    })),
    number: 'Q2026-00042',
    revision: 1,
    revisedFromId: null,
    status: 'sent',
    sentAt: now,
    decidedAt: null,
    statusReason: null,
    transport: null,
    customerReference: null,
    chargeableWeight: null,
    totals: result.totals,
  };
}
