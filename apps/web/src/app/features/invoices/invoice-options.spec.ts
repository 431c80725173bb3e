import { INVOICE_PAYMENT_STATUSES, type InvoicePaymentStatus } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../../../public/i18n/invoices/en.json';
import fr from '../../../../public/i18n/invoices/fr.json';
import jobsEn from '../../../../public/i18n/jobs/en.json';
import jobsFr from '../../../../public/i18n/jobs/fr.json';
import { amountDue, emptyInvoicesKey, invoiceChip } from './invoice-options';

type Json = { [key: string]: string | Json };

/** The words of `key` (`invoices.paymentStatus.paid`) in a scope file, as Transloco resolves them. */
function wordsOf(file: Json, key: string): string | undefined {
  let node: string | Json | undefined = file;
  for (const part of key.split('.').slice(1)) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** `{{name}}` placeholders filled as Transloco does. */
const fill = (words: string | undefined, params: Record<string, string>) =>
  (words ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? '');

/** A chip's input: an invoice with nothing paid or credited unless a test says so. */
const chipOf = (status: 'draft' | 'issued', paymentStatus: InvoicePaymentStatus | null) => ({
  status,
  paymentStatus,
  paidAmount: '0.000',
  creditedAmount: '0.000',
});

describe('invoice status chip', () => {
  it('an issued invoice reads whether it is paid, not just "Issued"', () => {
    const paid = invoiceChip(chipOf('issued', 'paid'));
    expect(paid).toEqual({ key: 'invoices.paymentStatus.paid', cssClass: 'pay-paid' });
    expect(wordsOf(fr, paid.key)).toBe('Payée');
    expect(wordsOf(en, paid.key)).toBe('Paid');
    expect(invoiceChip(chipOf('issued', 'partially_paid'))).toEqual({
      key: 'invoices.paymentStatus.partially_paid',
      cssClass: 'pay-partially_paid',
    });
    // Overdue is the API's verdict (paymentStatus), never recomputed here.
    expect(invoiceChip(chipOf('issued', 'overdue')).cssClass).toBe('pay-overdue');
  });

  it('a draft reads "Draft"; a credit note (never paid) reads its document status', () => {
    expect(invoiceChip(chipOf('draft', null))).toEqual({
      key: 'invoices.status.draft',
      cssClass: 'status-draft',
    });
    expect(invoiceChip(chipOf('issued', null))).toEqual({
      key: 'invoices.status.issued',
      cssClass: 'status-issued',
    });
  });

  it('every payment status has its words in French and English', () => {
    for (const status of INVOICE_PAYMENT_STATUSES) {
      const { key } = invoiceChip(chipOf('issued', status));
      expect(wordsOf(fr, key), `fr ${key}`).toBeTruthy();
      expect(wordsOf(en, key), `en ${key}`).toBeTruthy();
    }
  });

  it('an invoice left with nothing to pay by credit notes alone reads "credited", not "paid"', () => {
    const credited = invoiceChip({ ...chipOf('issued', 'paid'), creditedAmount: '1191.000' });
    expect(wordsOf(fr, credited.key)).toBe('Annulée par avoir');
    expect(wordsOf(en, credited.key)).toBe('Credited');
    // Paid in part and credited for the rest: paid.
    const both = invoiceChip({
      ...chipOf('issued', 'paid'),
      paidAmount: '191.000',
      creditedAmount: '1000.000',
    });
    expect(both.key).toBe('invoices.paymentStatus.paid');
  });
});

describe('job links name the job by its number', () => {
  it('invoice detail and supplier invoice list say "Dossier J…" / "Job J…"', () => {
    const number = { number: 'SE26-00003' };
    expect(fill(wordsOf(fr, 'invoices.detail.jobNumber'), number)).toBe('Dossier SE26-00003');
    expect(fill(wordsOf(en, 'invoices.detail.jobNumber'), number)).toBe('Job SE26-00003');
    const supplierFr = (jobsFr as unknown as Json)['supplierInvoices'] as Json;
    const supplierEn = (jobsEn as unknown as Json)['supplierInvoices'] as Json;
    expect(fill(wordsOf(supplierFr, 'x.openJob'), number)).toBe('Dossier SE26-00003');
    expect(fill(wordsOf(supplierEn, 'x.openJob'), number)).toBe('Job SE26-00003');
  });
});

describe('the empty invoice list says which invoices the reader sees', () => {
  it.each([
    [['ADMIN'], 'empty'],
    [['FINANCE', 'OPERATIONS'], 'empty'],
    [['OPERATIONS'], 'emptyJobs'],
    [['COMMERCIAL'], 'emptyClients'],
    [['COMMERCIAL', 'OPERATIONS'], 'emptyClientsOrJobs'],
  ])('%j → %s, worded in French and English', (roles, key) => {
    expect(emptyInvoicesKey(roles)).toBe(`invoices.list.${key}`);
    expect(wordsOf(fr as Json, `invoices.list.${key}`)).toBeTruthy();
    expect(wordsOf(en as Json, `invoices.list.${key}`)).toBeTruthy();
  });

  it('OPERATIONS is told the list holds job-linked invoices only', () => {
    expect(wordsOf(fr as Json, 'invoices.list.emptyJobs')).toMatch(/^Aucune facture liée à un dossier/);
    expect(wordsOf(en as Json, 'invoices.list.emptyJobs')).toMatch(/^No invoice linked to a job file/);
  });
});

describe('amountDue: the list\'s "Amount due" column', () => {
  const issued = { kind: 'invoice', status: 'issued' } as const;
  const spaced = (text: string) => text.replace(/\s/g, ' ');

  it('what is still owed, in the invoice currency, so overdue rows add up to the dashboard', () => {
    // 10 000 TND of totals, 2 000 already paid: 8 000 still due.
    expect(spaced(amountDue({ ...issued, openAmount: '8000.000', currency: 'TND' }, 'fr'))).toBe(
      '8 000,000 TND',
    );
    expect(amountDue({ ...issued, openAmount: '1250.50', currency: 'EUR' }, 'en')).toBe('1,250.50 EUR');
    expect(spaced(amountDue({ ...issued, openAmount: '0.000', currency: 'TND' }, 'fr'))).toBe('0,000 TND');
  });

  it('a draft or a credit note owes nothing by itself: a dash', () => {
    expect(amountDue({ kind: 'invoice', status: 'draft', openAmount: '0.000', currency: 'TND' }, 'fr')).toBe(
      '—',
    );
    expect(amountDue({ ...issued, kind: 'credit_note', openAmount: '0.000', currency: 'TND' }, 'fr')).toBe(
      '—',
    );
  });

  it('the column is named in French and English', () => {
    expect(wordsOf(fr, 'invoices.fields.openAmount')).toBe('Reste dû');
    expect(wordsOf(en, 'invoices.fields.openAmount')).toBe('Amount due');
  });
});
