import {
  sumAmounts,
  subtractAmounts,
  type ClientReceivableDetail,
  type DocumentLanguage,
} from '@velosi/contracts';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { documentFormat } from '../documents/document-format.js';
import { COMPANY, headerRule, letterhead, letterheadFooter } from '../documents/letterhead.js';
import { DOCUMENT_PAGE, DOCUMENT_STYLES, printableStrings, renderPdf } from '../documents/pdf-renderer.js';
import { RECEIVABLES_LABELS } from './receivables-labels.js';

export interface StatementDocument {
  detail: ClientReceivableDetail;
  /** Buyer block: name and address lines. */
  customer: string[];
  language: DocumentLanguage;
}

/**
 * The statement of account (relevé de compte) of one client at `asOf`: the company letterhead,
 * the open invoices with what is settled and what is left, the ageing buckets and the balance.
 */
export function renderStatementPdf(input: StatementDocument): Promise<Buffer> {
  const { detail, customer, language } = printableStrings(input);
  const t = RECEIVABLES_LABELS[language];
  const f = documentFormat(language);
  const head: TableCell[] = [t.number, t.date, t.dueDate, t.total, t.settled, t.open, t.daysLate].map(
    (text, i) => ({ text, style: 'tableHead', alignment: i < 3 ? 'left' : 'right' }),
  );
  // Each amount names its currency: a EUR invoice is settled in EUR.
  const amount = (value: string, currency: string): TableCell => ({
    text: f.amount(value, currency),
    alignment: 'right',
    noWrap: true,
  });
  const rows: TableCell[][] = detail.invoices.map((i) => [
    { text: i.number },
    { text: f.date(i.invoiceDate) },
    { text: f.date(i.dueDate) },
    amount(i.totalAmount, i.currency),
    amount(sumAmounts([i.paidAmount, i.creditedAmount]), i.currency),
    amount(i.openAmount, i.currency),
    { text: i.daysPastDue > 0 ? String(i.daysPastDue) : '—', alignment: 'right' },
  ]);
  const buckets: [string, string][] = [
    [t.notDue, detail.notDueTnd],
    [t.days0to30, detail.days0to30Tnd],
    [t.days31to60, detail.days31to60Tnd],
    [t.days61to90, detail.days61to90Tnd],
    [t.over90, detail.over90Tnd],
    [t.balance, detail.balanceTnd],
  ];
  const content: Content[] = [
    {
      columns: [
        letterhead(),
        {
          width: 190,
          stack: [
            { text: t.statement, style: 'docTitle' },
            { text: `${t.asOf} ${f.date(detail.asOf)}`, bold: true },
          ],
        },
      ],
    },
    headerRule(),
    { text: t.customer, style: 'section' },
    { text: customer.join('\n') },
    { text: t.openItems, style: 'section' },
    rows.length > 0
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [70, 55, 55, '*', 70, '*', 45],
            body: [head, ...rows],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: t.nothingOpen },
    { text: t.ageing, style: 'section' },
    {
      table: {
        widths: ['*', '*', '*', '*', '*', '*'],
        body: [
          buckets.map(([label]) => ({ text: label, style: 'tableHead', alignment: 'right' }) as TableCell),
          buckets.map(
            ([, value], i) =>
              ({ text: f.money(value), alignment: 'right', bold: i === buckets.length - 1 }) as TableCell,
          ),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: `${t.payment} : ${COMPANY.bankName} · RIB ${COMPANY.rib}`,
      style: 'small',
      margin: [0, 14, 0, 0],
    },
  ];
  // Guard the rule "balance = sum of buckets but the overdue total" on what is printed.
  if (subtractAmounts(detail.balanceTnd, sumAmounts([detail.notDueTnd, detail.overdueTnd])) !== '0.000') {
    throw new Error(`statement of ${detail.clientId}: buckets do not add up to the balance`);
  }
  const reference = `${t.statement} ${detail.clientName}`;
  return renderPdf({
    ...DOCUMENT_PAGE,
    info: { title: reference, author: COMPANY.legalName },
    content,
    footer: letterheadFooter(reference, t.page),
    styles: DOCUMENT_STYLES,
  });
}
