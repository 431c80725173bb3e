import { amountInFrenchWords, type Invoice, type InvoiceLine } from '@velosi/contracts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { documentFormat, type DocumentFormat } from '../../documents/document-format.js';
import { COMPANY, headerRule, letterhead, letterheadFooter } from '../../documents/letterhead.js';
import { DOCUMENT_PAGE, DOCUMENT_STYLES, printableStrings, renderPdf } from '../../documents/pdf-renderer.js';
import { INVOICE_PDF_LABELS, type InvoicePdfLabels } from './invoice-pdf-labels.js';

/** What an issued invoice or credit note prints: the frozen record and its buyer snapshot. */
export interface InvoiceDocument {
  invoice: Invoice;
  buyer: { name: string; address: string | null; fiscalId: string | null; account: string | null };
  /** On a credit note: the number of the invoice it credits. */
  creditedNumber: string | null;
}

interface Ctx {
  doc: InvoiceDocument;
  t: InvoicePdfLabels;
  f: DocumentFormat;
}

function header({ doc, t, f }: Ctx): Content[] {
  const { invoice } = doc;
  const title = invoice.kind === 'credit_note' ? t.creditNote : t.invoice;
  const facts: string[] = [
    `${t.date} : ${invoice.invoiceDate ? f.date(invoice.invoiceDate) : ''}`,
    ...(invoice.dueDate && invoice.kind === 'invoice' ? [`${t.dueDate} : ${f.date(invoice.dueDate)}`] : []),
    ...(doc.creditedNumber ? [`${t.creditsInvoice} ${doc.creditedNumber}`] : []),
    ...(invoice.jobNumber ? [`${t.job} : ${invoice.jobNumber}`] : []),
    ...(invoice.customerReference ? [`${t.reference} : ${invoice.customerReference}`] : []),
  ];
  const buyer = [
    doc.buyer.name,
    ...(doc.buyer.address ? [doc.buyer.address] : []),
    `${t.taxId} : ${doc.buyer.fiscalId ?? '—'}`,
    ...(doc.buyer.account ? [`${t.account} : ${doc.buyer.account}`] : []),
  ];
  return [
    {
      columns: [
        letterhead(),
        {
          width: 170,
          stack: [
            { text: title, style: 'docTitle' },
            { text: invoice.number ?? '', bold: true, fontSize: 12 },
            ...facts.map((text) => ({ text })),
          ],
        },
      ],
    },
    headerRule(),
    { text: t.customer, style: 'section' },
    { text: buyer.join('\n') },
  ];
}

function lineRow({ t, f }: Ctx, line: InvoiceLine): TableCell[] {
  return [
    { text: line.isDisbursement ? `${line.description} (${t.disbursement})` : line.description },
    { text: f.measure(line.quantity), alignment: 'right' },
    { text: f.amount(line.unitPrice, line.currency), alignment: 'right', noWrap: true },
    { text: f.money(line.amountTnd), alignment: 'right', noWrap: true },
    { text: line.isDisbursement ? '—' : `${line.vatRate} %`, alignment: 'right' },
  ];
}

function linesSection(ctx: Ctx): Content[] {
  const { t, f, doc } = ctx;
  const head: TableCell[] = [t.description, t.quantity, t.unitPrice, t.amountTnd, t.vat].map((text, i) => ({
    text,
    style: 'tableHead',
    alignment: i === 0 ? 'left' : 'right',
  }));
  const rates = [
    ...new Map(
      doc.invoice.lines
        .filter((l) => l.currency !== 'TND')
        .map((l) => [`${l.currency} ${l.exchangeRate}`, l]),
    ).values(),
  ];
  return [
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 40, 90, 90, 36],
        body: [head, ...doc.invoice.lines.map((l) => lineRow(ctx, l))],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 14, 0, 0],
    },
    ...(rates.length > 0
      ? [
          {
            text: `${t.rates} : ${rates.map((l) => `1 ${l.currency} = ${f.rate(l.exchangeRate)} TND`).join(' · ')}`,
            style: 'small',
            margin: [0, 4, 0, 0],
          } as Content,
        ]
      : []),
  ];
}

function totalsSection({ t, f, doc }: Ctx): Content {
  const { totals, currency } = doc.invoice;
  const row = (label: string, value: string, bold = false): TableCell[] => [
    { text: label, bold },
    { text: value, alignment: 'right', bold, noWrap: true },
  ];
  const body: TableCell[][] = [row(t.net, f.money(totals.netTnd))];
  for (const entry of totals.vatBreakdown) {
    body.push(
      row(t.vatBase(entry.rate), f.money(entry.baseTnd)),
      row(t.vatAmount(entry.rate), f.money(entry.vatTnd)),
    );
  }
  if (totals.disbursementsTnd !== '0.000') body.push(row(t.disbursements, f.money(totals.disbursementsTnd)));
  if (totals.stampDutyTnd !== '0.000') body.push(row(t.stampDuty, f.money(totals.stampDutyTnd)));
  body.push(row(t.total, f.money(totals.totalTnd), true));
  if (totals.totalCurrency) body.push(row(t.totalIn(currency), f.amount(totals.totalCurrency, currency)));
  return {
    columns: [
      { text: '' },
      { width: 260, table: { widths: ['*', 100], body }, layout: 'lightHorizontalLines' },
    ],
    margin: [0, 10, 0, 0],
  };
}

function mentions({ t, f, doc }: Ctx): Content[] {
  const { invoice } = doc;
  const notes: Content[] = [
    {
      text: `${t.amountInWords} : ${amountInFrenchWords(invoice.totals.totalTnd)}.`,
      margin: [0, 12, 0, 0],
      bold: true,
    },
  ];
  if (invoice.vatSuspension) {
    const s = invoice.vatSuspension;
    notes.push({
      text: t.suspension(s.number, f.date(s.issuedOn), f.date(s.expiresOn)),
      margin: [0, 6, 0, 0],
    });
  } else if (invoice.vatRegime === 'exempt') {
    notes.push({ text: t.exempt, margin: [0, 6, 0, 0] });
  }
  if (invoice.notes) notes.push({ text: invoice.notes, margin: [0, 6, 0, 0] });
  // Only an invoice is paid: a credit note gives back, it asks for no payment.
  if (invoice.kind === 'invoice') {
    notes.push({
      text: `${t.payment} : ${COMPANY.bankName} · RIB ${COMPANY.rib}`,
      style: 'small',
      margin: [0, 12, 0, 0],
    });
  }
  return notes;
}

function definition(ctx: Ctx): TDocumentDefinitions {
  const number = ctx.doc.invoice.number ?? '';
  return {
    ...DOCUMENT_PAGE,
    info: { title: number, author: COMPANY.legalName },
    content: [...header(ctx), ...linesSection(ctx), totalsSection(ctx), ...mentions(ctx)],
    footer: letterheadFooter(number, ctx.t.page),
    styles: DOCUMENT_STYLES,
  };
}

/** The A4 invoice or credit note in the client's language (fr or en). */
export function renderInvoicePdf(invoiceDocument: InvoiceDocument): Promise<Buffer> {
  const doc = printableStrings(invoiceDocument);
  const language = doc.invoice.language;
  return renderPdf(definition({ doc, t: INVOICE_PDF_LABELS[language], f: documentFormat(language) }));
}
