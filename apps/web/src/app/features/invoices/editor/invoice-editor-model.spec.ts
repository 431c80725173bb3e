import { InvoiceCreateSchema, type Invoice } from '@velosi/contracts';
import { computeInvoiceTotals } from '@velosi/contracts/invoice-math';
import { describe, expect, it } from 'vitest';
import {
  createRequest,
  editorValueOf,
  emptyLine,
  liveTotals,
  pricingTerms,
  updateRequest,
  type InvoiceEditorValue,
} from './invoice-editor-model';

const CLIENT = '0b6f1d8e-3c2a-4f6e-9a51-2d7c8e9f0a1b';

/** A draft as the API reads it: canonical decimals padded to their scale. */
function storedDraft(): Invoice {
  return {
    clientId: CLIENT,
    currency: 'TND',
    exchangeRate: '1',
    customerReference: null,
    notes: 'Merci',
    vatRegime: 'subject',
    totals: { stampDutyTnd: '0.000' },
    lines: [
      {
        chargeTypeCode: 'FRT',
        description: 'Fret',
        quantity: '1.000',
        unitPrice: '100.000',
        currency: 'TND',
        exchangeRate: '1.000000',
        vatRate: 19,
        isDisbursement: false,
        jobChargeId: '7c1e5a2b-0d4f-4e6a-8b9c-1d2e3f4a5b6c',
      },
    ],
  } as unknown as Invoice;
}

/** A hand-made invoice typed the French way: commas and spaces. */
function typed(): InvoiceEditorValue {
  return {
    clientId: CLIENT,
    currency: 'TND',
    exchangeRate: '1',
    customerReference: ' PO-77 ',
    notes: '',
    lines: [
      { ...emptyLine(), description: 'Fret routier Sfax → Milan', quantity: '2', unitPrice: '1 250,5' },
      { ...emptyLine(), description: 'Magasinage', quantity: '3', unitPrice: '10,333', vatRate: 7 },
      {
        ...emptyLine(),
        description: 'Droits de douane',
        unitPrice: '400',
        isDisbursement: true,
        vatRate: 19,
      },
    ],
  };
}

const SUBJECT = { vatRegime: 'subject', stampDutyExempt: false };

describe('invoice editor model', () => {
  it('live totals are the contracts’ invoice math on the normalised lines (what the API prices)', () => {
    const value = typed();
    const terms = pricingTerms(value, null, SUBJECT);
    const totals = liveTotals(value, terms);
    // 2 × 1 250.5 = 2 501.000 at 19 % → 475.190; 3 × 10.333 = 30.999 at 7 % → 2.170;
    // débours 400 outside VAT; stamp duty 1.000.
    expect(totals).toEqual({
      netTnd: '2531.999',
      vatTnd: '477.360',
      vatBreakdown: [
        { rate: 19, baseTnd: '2501.000', vatTnd: '475.190' },
        { rate: 7, baseTnd: '30.999', vatTnd: '2.170' },
      ],
      disbursementsTnd: '400.000',
      stampDutyTnd: '1.000',
      totalTnd: '3410.359',
      totalCurrency: null,
    });
    const request = createRequest(value);
    expect(request.success).toBe(true);
    // The same figures as the shared function run on the request the API receives.
    const parsed = InvoiceCreateSchema.parse(request.data);
    const lines = parsed.lines.map((l) => ({ ...l, exchangeRate: l.exchangeRate ?? '1' }));
    expect(computeInvoiceTotals(lines, terms).totals).toEqual(totals);
  });

  it('a client outside VAT pays none and an exempt one no stamp duty', () => {
    const value = typed();
    const totals = liveTotals(
      value,
      pricingTerms(value, null, { vatRegime: 'suspended', stampDutyExempt: true }),
    );
    expect(totals).toMatchObject({ vatTnd: '0.000', stampDutyTnd: '0.000', totalTnd: '2931.999' });
  });

  it('a foreign-currency invoice shows its total in that currency at the header rate', () => {
    const value = { ...typed(), currency: 'EUR', exchangeRate: '3,4' };
    const totals = liveTotals(value, pricingTerms(value, null, SUBJECT));
    expect(totals?.totalCurrency).toBe('1003.047');
  });

  it('no totals while a number is half typed; the contract refuses what the API would', () => {
    const value = typed();
    value.lines[0] = { ...value.lines[0]!, quantity: '2,' };
    expect(liveTotals(value, pricingTerms(value, null, SUBJECT))).toBeNull();
    const request = createRequest({ ...typed(), lines: [{ ...emptyLine(), description: '' }] });
    expect(request.success).toBe(false);
    expect(createRequest({ ...typed(), clientId: null }).success).toBe(false);
  });

  it('a stored draft keeps its regime and stamp duty; the PATCH carries the version', () => {
    const draft = storedDraft();
    const value = editorValueOf(draft, 'en');
    const terms = pricingTerms(value, draft, null);
    expect(terms.stampDuty).toBe(false);
    expect(liveTotals(value, terms)?.totalTnd).toBe('119.000');
    const patch = updateRequest(value, 4);
    expect(patch.success).toBe(true);
    expect(patch.data).toMatchObject({
      version: 4,
      notes: 'Merci',
      lines: [{ jobChargeId: draft.lines[0]!.jobChargeId }],
    });
  });

  it('a draft opens written the French way and is sent back exact and canonical', () => {
    const draft = storedDraft();
    const line = {
      ...draft.lines[0]!,
      unitPrice: '87654321.567',
      currency: 'EUR',
      exchangeRate: '3.412500',
    };
    const value = editorValueOf({ ...draft, currency: 'EUR', exchangeRate: '3.412500', lines: [line] }, 'fr');
    expect(value.exchangeRate).toBe('3,4125');
    expect(value.lines[0]).toMatchObject({
      quantity: '1',
      unitPrice: '87654321,567',
      exchangeRate: '3,4125',
    });
    expect(editorValueOf(draft, 'fr').lines[0]?.unitPrice).toBe('100,000');
    const patch = updateRequest(value, 4);
    expect(patch.success).toBe(true);
    expect(patch.data).toMatchObject({
      exchangeRate: '3.4125',
      lines: [{ quantity: '1', unitPrice: '87654321.567', exchangeRate: '3.4125' }],
    });
  });
});
