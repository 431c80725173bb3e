import { BASE_CURRENCY, totalExclVatTnd, type PublicQuoteLine, type QuoteLineKind } from '@velosi/contracts';
import { Decimal } from 'decimal.js';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { unitWord } from './pdf-labels.js';
import type { PdfContext } from './quote-document.js';

const COLUMNS = 6;

function groupRow(title: string): TableCell[] {
  const filler: TableCell[] = Array.from({ length: COLUMNS - 1 }, () => ({}));
  return [{ text: title, colSpan: COLUMNS, style: 'group' }, ...filler];
}

function lineRow({ t, f }: PdfContext, line: PublicQuoteLine): TableCell[] {
  const description: TableCell = line.isDisbursement
    ? { text: [line.description, { text: ` (${t.disbursement})`, italics: true, color: '#555555' }] }
    : { text: line.description };
  return [
    description,
    { text: f.measure(line.quantity), alignment: 'right' },
    unitWord(t, line.unit, line.quantity),
    { text: f.amount(line.sellUnitPrice, line.currency), alignment: 'right', noWrap: true },
    { text: f.money(line.sellTotalTnd), alignment: 'right', noWrap: true },
    // Débours carry no VAT: a dash says "not applicable", where "0 %" would read as exempt.
    { text: line.isDisbursement ? '—' : `${line.vatRate} %`, alignment: 'right' },
  ];
}

/** The priced lines, "Fret" first then "Frais annexes", in the order the commercial set. */
export function linesSection(ctx: PdfContext): Content[] {
  const { t, doc } = ctx;
  const head: TableCell[] = [t.description, t.quantity, '', t.unitPrice, t.totalTnd, t.vat].map(
    (text, i) => ({
      text,
      style: 'tableHead',
      // Figures are right-aligned in the rows, so their headings sit over them.
      alignment: i === 0 || i === 2 ? 'left' : 'right',
    }),
  );
  const body: TableCell[][] = [head];
  const groups: [QuoteLineKind, string][] = [
    ['freight', t.freight],
    ['additional_cost', t.additionalCosts],
  ];
  for (const [kind, title] of groups) {
    const lines = doc.quote.items.filter((l) => l.kind === kind).sort((a, b) => a.position - b.position);
    if (lines.length === 0) continue;
    body.push(groupRow(title), ...lines.map((line) => lineRow(ctx, line)));
  }
  return [
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', 34, 52, 88, 74, 32], body },
      layout: 'lightHorizontalLines',
      margin: [0, 14, 0, 0],
    },
    ...exchangeRates(ctx),
  ];
}

/** The frozen rates behind the TND figures, one per foreign currency on the quote. */
function exchangeRates({ t, f, doc }: PdfContext): Content[] {
  const rates = new Map<string, string>();
  for (const line of doc.quote.items) {
    if (line.currency !== BASE_CURRENCY) rates.set(line.currency, line.exchangeRate);
  }
  if (doc.quote.currency !== BASE_CURRENCY && doc.quote.exchangeRate) {
    rates.set(doc.quote.currency, doc.quote.exchangeRate);
  }
  if (rates.size === 0) return [];
  const text = [...rates].map(([currency, rate]) => t.exchangeRate(currency, f.rate(rate))).join(' · ');
  return [{ text, style: 'small', margin: [0, 4, 0, 0] }];
}

function totalRow(label: string, amount: string, strong = false): TableCell[] {
  const style = strong ? 'grandTotal' : undefined;
  return [
    { text: label, style },
    { text: amount, alignment: 'right', style, noWrap: true },
  ];
}

/** HT, VAT per rate, débours, stamp duty and TTC (in TND, and in the quote currency when not TND). */
function totalsSection({ t, f, doc }: PdfContext): Content {
  const totals = doc.quote.totals;
  const exclVat = totalExclVatTnd(totals);
  const rows: TableCell[][] = [totalRow(t.totalExclVat, `${f.money(exclVat)} TND`)];
  for (const entry of totals.vatBreakdown) {
    rows.push(totalRow(`${t.vatAt(entry.rate)} (${f.money(entry.baseTnd)})`, `${f.money(entry.vatTnd)} TND`));
  }
  if (new Decimal(totals.disbursementsTnd).gt(0)) {
    rows.push(totalRow(t.disbursements, `${f.money(totals.disbursementsTnd)} TND`));
  }
  if (new Decimal(totals.stampDutyTnd).gt(0)) {
    rows.push(totalRow(t.stampDuty, `${f.money(totals.stampDutyTnd)} TND`));
  }
  rows.push(totalRow(t.totalInclVat(BASE_CURRENCY), `${f.money(totals.totalTnd)} TND`, true));
  if (totals.quoteCurrency) {
    const { currency, totalAmount } = totals.quoteCurrency;
    rows.push(totalRow(t.totalInclVat(currency), f.amount(totalAmount, currency), true));
  }
  return {
    columns: [
      { width: '*', text: '' },
      { width: 260, table: { widths: ['*', 'auto'], body: rows }, layout: 'lightHorizontalLines' },
    ],
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

/** Conditions longer than this are not kept on one page with the totals (they may need pages). */
const SHORT_CONDITIONS = 1200;

/**
 * Totals, validity, payment terms and the printed conditions: the end of the quote. Kept together
 * (pdfmake `unbreakable`) so a page break never leaves the validity sentence or the last lines of
 * the terms alone on a page: the whole block moves to the next page instead. Long conditions
 * follow on their own, their heading kept with their first paragraph.
 */
export function closingSection(ctx: PdfContext): Content[] {
  const { t, f, doc } = ctx;
  const q = doc.quote;
  const conditions = q.conditions ?? '';
  const short = conditions.length <= SHORT_CONDITIONS;
  const conditionsBlock = (text: string): Content[] => [
    { text: t.conditions, style: 'section' },
    { text, style: 'small' },
  ];
  const closing: Content = {
    stack: [
      totalsSection(ctx),
      { text: t.validityNote(f.date(q.validUntil)), margin: [0, 14, 0, 0], bold: true },
      ...(q.paymentTerms ? [{ text: t.paymentTerms, style: 'section' }, { text: q.paymentTerms }] : []),
      ...(conditions && short ? conditionsBlock(conditions) : []),
    ],
    unbreakable: true,
  };
  if (!conditions || short) return [closing];
  const [first = '', ...rest] = conditions.split(/\n\s*\n/);
  return [
    closing,
    { stack: conditionsBlock(first), unbreakable: true },
    ...(rest.length ? [{ text: rest.join('\n\n'), style: 'small', margin: [0, 6, 0, 0] } as Content] : []),
  ];
}
