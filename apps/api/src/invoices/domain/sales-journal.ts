import { Injectable } from '@nestjs/common';
import { sumAmounts, type SalesJournalQuery } from '@velosi/contracts';
import { toCsv, type CsvColumn } from '../../common/csv/csv-export.js';
import { InvoicesRepository } from '../persistence/invoices.repository.js';
import type { InvoiceRow } from '../persistence/invoices.table.js';

export interface SalesJournalRow extends Record<string, unknown> {
  date: string;
  number: string;
  account: string;
  client: string;
  vatRate: string;
  net: string;
  vat: string;
  stamp: string;
  total: string;
}

export const SALES_JOURNAL_COLUMNS: readonly CsvColumn[] = [
  { field: 'date', fr: 'Date', en: 'Date' },
  { field: 'number', fr: 'Numéro', en: 'Number' },
  { field: 'account', fr: 'Compte client', en: 'Client account' },
  { field: 'client', fr: 'Client', en: 'Client' },
  { field: 'vatRate', fr: 'Taux TVA', en: 'VAT rate' },
  { field: 'net', fr: 'HT', en: 'Net' },
  { field: 'vat', fr: 'TVA', en: 'VAT' },
  { field: 'stamp', fr: 'Timbre', en: 'Stamp duty' },
  { field: 'total', fr: 'TTC', en: 'Total' },
];

const negate = (amount: string): string => (amount === '0.000' ? amount : `-${amount}`);

/**
 * One row per document and VAT rate (débours on a row of their own, rate `DEBOURS`: they are not
 * turnover), the stamp duty on the document's first row, so the rows of a document add up to its
 * TTC. Credit notes are negative.
 */
export function salesJournalRows(documents: readonly InvoiceRow[]): SalesJournalRow[] {
  return documents.flatMap((doc) => {
    const sign = doc.kind === 'credit_note' ? negate : (a: string) => a;
    const parts = [
      ...doc.vatBreakdown.map((e) => ({ vatRate: String(e.rate), net: e.baseTnd, vat: e.vatTnd })),
      ...(doc.disbursementsTnd !== '0.000'
        ? [{ vatRate: 'DEBOURS', net: doc.disbursementsTnd, vat: '0.000' }]
        : []),
    ];
    if (parts.length === 0) parts.push({ vatRate: '0', net: '0.000', vat: '0.000' });
    return parts.map((part, i) => {
      const stamp = i === 0 ? doc.stampDutyTnd : '0.000';
      return {
        date: doc.invoiceDate ?? '',
        number: doc.number ?? '',
        account: doc.buyerAccount ?? '',
        client: doc.buyerName ?? '',
        vatRate: part.vatRate,
        net: sign(part.net),
        vat: sign(part.vat),
        stamp: sign(stamp),
        total: sign(sumAmounts([part.net, part.vat, stamp])),
      };
    });
  });
}

/** The sales journal of a period as CSV (FINANCE and ADMIN see every invoice: no visibility filter). */
@Injectable()
export class SalesJournal {
  constructor(private readonly repository: InvoicesRepository) {}

  async csv(query: SalesJournalQuery): Promise<string> {
    const documents = await this.repository.issuedBetween(this.repository.db, query.from, query.to);
    return toCsv(salesJournalRows(documents), SALES_JOURNAL_COLUMNS, query);
  }
}
