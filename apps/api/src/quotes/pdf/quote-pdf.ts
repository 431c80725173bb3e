import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COMPANY } from './company.js';
import { pdfFormat, printable } from './pdf-format.js';
import { PDF_LABELS } from './pdf-labels.js';
import type { PdfContext, QuoteDocument } from './quote-document.js';
import { headerSections } from './quote-pdf-header.js';
import { linesSection, termsSection, totalsSection } from './quote-pdf-lines.js';

/*
 * pdfmake (on pdfkit) rather than bare pdfkit: a quote is mostly tables — lines that must break
 * across pages with the header row repeated, totals kept together — which pdfmake lays out from a
 * declarative description, where pdfkit would need hand-computed coordinates and page breaks.
 * Fonts: pdfmake's bundled Roboto TTFs (embedded, subset), not the PDF standard-14 fonts, whose
 * WinAnsi encoding has no "→", "≤", narrow no-break space (French thousands separator) and so on.
 */
const require = createRequire(import.meta.url);
const robotoFile = (name: string): string => require.resolve(`pdfmake/fonts/Roboto/${name}.ttf`);
const ROBOTO = {
  normal: robotoFile('Roboto-Regular'),
  bold: robotoFile('Roboto-Medium'),
  italics: robotoFile('Roboto-Italic'),
  bolditalics: robotoFile('Roboto-MediumItalic'),
};
const FONT_FILES: ReadonlySet<string> = new Set(Object.values(ROBOTO));

pdfmake.setFonts({ Roboto: ROBOTO });
// Quote texts are typed by users: nothing in a document may make the server fetch a URL (SSRF) or
// read a local file other than the four font files.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => FONT_FILES.has(file));

function definition(ctx: PdfContext): TDocumentDefinitions {
  const { doc, t } = ctx;
  return {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 48],
    info: { title: `${t.title} ${doc.quote.number}`, author: COMPANY.legalName, subject: doc.quote.title },
    content: [...headerSections(ctx), ...linesSection(ctx), totalsSection(ctx), ...termsSection(ctx)],
    footer: (current, count) => ({
      columns: [
        { text: `${COMPANY.legalName} · ${COMPANY.fiscalId} · ${doc.quote.number}`, style: 'small' },
        { text: t.page(current, count), style: 'small', alignment: 'right', width: 80 },
      ],
      margin: [40, 16, 40, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      brand: { fontSize: 20, bold: true, color: COMPANY.primaryColor, characterSpacing: 2 },
      docTitle: { fontSize: 18, bold: true, color: COMPANY.primaryColor },
      quoteTitle: { fontSize: 11, bold: true, margin: [0, 12, 0, 0] },
      section: { fontSize: 10, bold: true, color: COMPANY.primaryColor, margin: [0, 12, 0, 4] },
      label: { color: '#555555' },
      small: { fontSize: 7.5, color: '#444444' },
      tableHead: { bold: true, color: COMPANY.primaryColor },
      group: { bold: true, fillColor: '#eef3f8', color: COMPANY.primaryColor },
      grandTotal: { bold: true, fontSize: 10 },
    },
  };
}

/** Every string of a plain data tree passed through `printable` (user texts can hold anything). */
function printableStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => printableStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  }
  return value;
}

/** Renders the customer's A4 quote in the client's language (fr or en). */
export function renderQuotePdf(quoteDocument: QuoteDocument): Promise<Buffer> {
  const doc = printableStrings(quoteDocument);
  const ctx: PdfContext = { doc, t: PDF_LABELS[doc.quote.language], f: pdfFormat(doc.quote.language) };
  return pdfmake.createPdf(definition(ctx)).getBuffer();
}
