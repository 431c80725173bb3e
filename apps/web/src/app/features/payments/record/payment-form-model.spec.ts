import { PaymentCreateSchema, type OpenInvoice } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import {
  allocatedTotals,
  allocationIssue,
  allocationRows,
  distribute,
  followReceived,
  paymentIssues,
  paymentRequest,
  paymentWarnings,
  type PaymentFormValue,
} from './payment-form-model';

const CLIENT = '0b6f1d8e-3c2a-4f6e-9a51-2d7c8e9f0a1b';
const OLD = '11111111-1111-4111-8111-111111111111';
const RECENT = '22222222-2222-4222-8222-222222222222';
const EURO = '33333333-3333-4333-8333-333333333333';

const open = (invoiceId: string, number: string, dueDate: string, openAmount: string, currency = 'TND') =>
  ({
    invoiceId,
    number,
    invoiceDate: '2026-01-01',
    dueDate,
    currency,
    totalAmount: openAmount,
    creditedAmount: '0.000',
    paidAmount: '0.000',
    openAmount,
    openTnd: openAmount,
    daysPastDue: 0,
    paymentStatus: 'unpaid',
  }) satisfies OpenInvoice;

// The demo's overdue client: 2857.000 partly paid (1857.000 left) and 2143.000, plus a EUR invoice.
const INVOICES = [
  open(RECENT, 'F2026-00002', '2026-02-15', '2143.000'),
  open(EURO, 'F2026-00003', '2026-03-01', '500.00', 'EUR'),
  open(OLD, 'F2026-00001', '2026-01-10', '1857.000'),
];

function typed(overrides: Partial<PaymentFormValue> = {}): PaymentFormValue {
  return {
    clientId: CLIENT,
    receivedOn: '2026-03-10',
    method: 'cheque',
    bankReference: ' CHQ 4410872 ',
    amount: '2 000,5',
    currency: 'TND',
    withholdingCertificateRef: '',
    notes: '',
    allocations: allocationRows(INVOICES, null, 'en'),
    ...overrides,
  };
}

describe('payment form model', () => {
  it('lists open invoices oldest due first; the invoice it was opened from is ticked for its open amount', () => {
    const rows = allocationRows(INVOICES, RECENT, 'en');
    expect(rows.map((r) => r.invoiceId)).toEqual([OLD, RECENT, EURO]);
    expect(rows.filter((r) => r.selected)).toEqual([
      { invoiceId: RECENT, selected: true, amount: '2143.000', withholding: '' },
    ]);
  });

  it('writes the amounts it fills in the French way, and sends them back canonical', () => {
    expect(allocationRows(INVOICES, RECENT, 'fr').find((r) => r.selected)?.amount).toBe('2143,000');
    expect(followReceived('1 000,5', { openAmount: '1857.000' }, 'fr')).toBe('1000,5');
    expect(followReceived('5000', { openAmount: '1857.000' }, 'fr')).toBe('1857,000');
    const value = typed({ allocations: allocationRows(INVOICES, null, 'fr') });
    value.allocations = distribute(value, INVOICES, 'fr');
    expect(value.allocations.map((r) => r.amount)).toEqual(['1857,000', '143,500', '']);
    expect(paymentRequest(value).allocations).toEqual([
      { invoiceId: OLD, amount: '1857.000', withholdingAmount: '0' },
      { invoiceId: RECENT, amount: '143.500', withholdingAmount: '0' },
    ]);
  });

  it('refuses an allocation above the open amount, counting withholding tax as settlement', () => {
    const row = { invoiceId: OLD, selected: true, amount: '1 800', withholding: '57,001' };
    expect(allocationIssue(row, INVOICES[2], 'TND')).toBe('exceedsOpen');
    expect(allocationIssue({ ...row, withholding: '57' }, INVOICES[2], 'TND')).toBeNull();
    expect(allocationIssue({ ...row, amount: '0', withholding: '' }, INVOICES[2], 'TND')).toBe(
      'settlesNothing',
    );
    expect(allocationIssue({ ...row, amount: '12,3456' }, INVOICES[2], 'TND')).toBe('decimal');
    expect(allocationIssue(row, INVOICES[1], 'TND')).toBe('currency');
    expect(allocationIssue({ ...row, selected: false, amount: 'x' }, INVOICES[2], 'TND')).toBeNull();
  });

  it('spreads the cash over TND invoices oldest first and leaves the EUR one alone', () => {
    const rows = distribute(typed(), INVOICES, 'en');
    expect(rows).toEqual([
      { invoiceId: OLD, selected: true, amount: '1857.000', withholding: '' },
      { invoiceId: RECENT, selected: true, amount: '143.500', withholding: '' },
      { invoiceId: EURO, selected: false, amount: '', withholding: '' },
    ]);
    expect(allocatedTotals(rows)).toEqual({ cash: '2000.500', withholding: '0.000' });
  });

  it('keeps room for the withholding tax typed on an invoice when spreading', () => {
    const value = typed({ amount: '5000' });
    value.allocations[0] = { ...value.allocations[0]!, withholding: '27,855' };
    const rows = distribute(value, INVOICES, 'en');
    expect(rows[0]).toMatchObject({ selected: true, amount: '1829.145', withholding: '27,855' });
    expect(rows[1]).toMatchObject({ selected: true, amount: '2143.000' });
  });

  it('names what the API would refuse: nothing allocated, more allocated than received, no certificate', () => {
    expect(paymentIssues(typed())).toEqual(['noAllocation']);
    const over = typed({ amount: '100' });
    over.allocations[0] = { invoiceId: OLD, selected: true, amount: '100,001', withholding: '5' };
    expect(paymentIssues(over)).toEqual(['overAllocated', 'certificateMissing']);
    expect(paymentIssues({ ...over, amount: '100.001', withholdingCertificateRef: 'CRS-7' })).toEqual([]);
  });

  it('builds the request the contract accepts: ticked rows only, French decimals normalised', () => {
    const value = typed({ withholdingCertificateRef: ' CRS-2026-14 ' });
    value.allocations = distribute(value, INVOICES, 'en');
    value.allocations[1] = { ...value.allocations[1]!, withholding: '2,5' };
    const body = paymentRequest(value);
    expect(body).toEqual({
      clientId: CLIENT,
      receivedOn: '2026-03-10',
      method: 'cheque',
      bankReference: 'CHQ 4410872',
      amount: '2000.5',
      currency: 'TND',
      withholdingCertificateRef: 'CRS-2026-14',
      notes: null,
      allocations: [
        { invoiceId: OLD, amount: '1857.000', withholdingAmount: '0' },
        { invoiceId: RECENT, amount: '143.500', withholdingAmount: '2.5' },
      ],
    });
    expect(PaymentCreateSchema.safeParse(body).success).toBe(true);
  });
});

describe('followReceived', () => {
  const invoice = { openAmount: '1857.000' };

  it('gives the amount received, up to the open amount', () => {
    expect(followReceived('1000', invoice, 'en')).toBe('1000');
    expect(followReceived('1 000,5', invoice, 'en')).toBe('1000.5');
    expect(followReceived('5000', invoice, 'en')).toBe('1857.000');
  });

  it('leaves the row alone while the amount is not a positive decimal', () => {
    expect(followReceived('', invoice, 'en')).toBeNull();
    expect(followReceived('0', invoice, 'en')).toBeNull();
    expect(followReceived('abc', invoice, 'en')).toBeNull();
  });

  it('warns of cash left unapplied and of invoices issued after the money came in', () => {
    // A tester's 5000 spread over 2993.600 + 571.725 left 1434.675 on no invoice, unsaid.
    const rows = distribute(typed({ amount: '5000' }), INVOICES, 'en');
    const spread = typed({ amount: '5000', allocations: rows });
    expect(paymentWarnings(spread, INVOICES)).toEqual({ unallocated: '1000.000', issuedAfterReceipt: [] });
    const early = typed({
      amount: '1857',
      receivedOn: '2025-12-20',
      allocations: allocationRows(INVOICES, OLD, 'en'),
    });
    expect(paymentWarnings(early, INVOICES)).toEqual({
      unallocated: null,
      issuedAfterReceipt: [expect.objectContaining({ number: 'F2026-00001', invoiceDate: '2026-01-01' })],
    });
  });
});
