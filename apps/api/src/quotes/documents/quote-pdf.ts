import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { documentFormat } from '../../documents/document-format.js';
import { COMPANY, letterheadFooter } from '../../documents/letterhead.js';
import { DOCUMENT_PAGE, DOCUMENT_STYLES, printableStrings, renderPdf } from '../../documents/pdf-renderer.js';
import { PDF_LABELS } from './pdf-labels.js';
import type { PdfContext, QuoteDocument } from './quote-document.js';
import { headerSections } from './quote-pdf-header.js';
import { closingSection, linesSection } from './quote-pdf-lines.js';

function definition(ctx: PdfContext): TDocumentDefinitions {
  const { doc, t } = ctx;
  return {
    ...DOCUMENT_PAGE,
    info: { title: `${t.title} ${doc.quote.number}`, author: COMPANY.legalName, subject: doc.quote.title },
    content: [...headerSections(ctx), ...linesSection(ctx), ...closingSection(ctx)],
    footer: letterheadFooter(doc.quote.number, t.page),
    styles: { ...DOCUMENT_STYLES, quoteTitle: { fontSize: 11, bold: true, margin: [0, 8, 0, 0] } },
  };
}

/** Renders the customer's A4 quote in the client's language (fr or en). */
export function renderQuotePdf(quoteDocument: QuoteDocument): Promise<Buffer> {
  const doc = printableStrings(quoteDocument);
  const ctx: PdfContext = { doc, t: PDF_LABELS[doc.quote.language], f: documentFormat(doc.quote.language) };
  return renderPdf(definition(ctx));
}
