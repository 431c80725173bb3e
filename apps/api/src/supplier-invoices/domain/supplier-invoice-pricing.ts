import { computeQuoteTotals, subtractAmounts, type SupplierInvoiceTotals } from '@velosi/contracts';
import type { SupplierInvoiceLineValues } from '../persistence/supplier-invoices.repository.js';

/** A line before pricing: the job cost line it settles, its amount in the invoice currency. */
export interface UnpricedSupplierLine {
  jobChargeId: string | null;
  jobId: string;
  description: string;
  amount: string;
  vatRate: number;
  isDisbursement: boolean;
}

export interface PricedSupplierInvoice {
  lines: SupplierInvoiceLineValues[];
  totals: SupplierInvoiceTotals;
}

/**
 * Prices a supplier invoice with the contracts' computeQuoteTotals, the decimal code of quotes and
 * customer invoices: each line's amount × the invoice's frozen rate rounded to the millime, VAT per
 * line on that rounded base, débours outside VAT, no stamp duty (the supplier's own is a line).
 */
export function priceSupplierInvoice(
  items: readonly UnpricedSupplierLine[],
  currency: string,
  exchangeRate: string,
): PricedSupplierInvoice {
  const { lines, totals } = computeQuoteTotals(
    items.map((item) => ({
      quantity: '1',
      buyUnitPrice: '0',
      sellUnitPrice: item.amount,
      exchangeRate,
      vatRate: item.isDisbursement ? 0 : item.vatRate,
      isDisbursement: item.isDisbursement,
    })),
    { stampDuty: false, currency, exchangeRate },
  );
  return {
    lines: items.map((item, position) => {
      const figures = lines[position];
      if (!figures) throw new Error(`no totals for line ${position}`);
      return { ...item, position, amountTnd: figures.sellTotalTnd, vatTnd: figures.vatTnd };
    }),
    totals: {
      netTnd: subtractAmounts(totals.sellTnd, totals.disbursementsTnd),
      vatTnd: totals.vatTnd,
      vatBreakdown: totals.vatBreakdown,
      disbursementsTnd: totals.disbursementsTnd,
      totalTnd: totals.totalTnd,
      totalCurrency: totals.quoteCurrency?.totalAmount ?? null,
    },
  };
}
