import { OverloadedException } from '../common/problem-exception.js';
import pLimit from 'p-limit';
import type { StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { printable } from './document-format.js';
import { COMPANY } from './letterhead.js';
import { PDF_WORKERS, renderInWorker } from './pdf-workers.js';

/*
 * pdfmake (on pdfkit) rather than bare pdfkit: a business document is mostly tables — lines that
 * must break across pages with the header row repeated, totals kept together — which pdfmake lays
 * out from a declarative description, where pdfkit would need hand-computed coordinates and page
 * breaks. Fonts: pdfmake's bundled Roboto TTFs (embedded, subset), not the PDF standard-14 fonts,
 * whose WinAnsi encoding has no "→", "≤", narrow no-break space (French thousands separator) and so on;
 * what Roboto itself lacks (arrows, check marks, Arabic…) prints in DejaVu Sans (pdf-worker.ts).
 * pdfmake itself runs in worker threads (pdf-worker.ts, pdf-workers.ts).
 */

/** A4 with the company's margins, font and named styles (`brand`, `section`, `label`, `small`…). */
export const DOCUMENT_PAGE = {
  pageSize: 'A4',
  pageMargins: [40, 36, 40, 48],
  defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
} as const satisfies Partial<TDocumentDefinitions>;

export const DOCUMENT_STYLES: StyleDictionary = {
  brand: { fontSize: 20, bold: true, color: COMPANY.primaryColor, characterSpacing: 2 },
  docTitle: { fontSize: 18, bold: true, color: COMPANY.primaryColor },
  section: { fontSize: 10, bold: true, color: COMPANY.primaryColor, margin: [0, 12, 0, 4] },
  label: { color: '#555555' },
  small: { fontSize: 7.5, color: '#444444' },
  tableHead: { bold: true, color: COMPANY.primaryColor },
  group: { bold: true, fillColor: '#eef3f8', color: COMPANY.primaryColor },
  grandTotal: { bold: true, fontSize: 10 },
};

/** Every string of a plain data tree passed through `printable` (document-format.ts). */
export function printableStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => printableStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  }
  return value;
}

// Laying out a document is synchronous CPU work: it runs on a small pool of worker threads
// (pdf-workers.ts), so health checks and other requests keep their answers while a burst of PDFs
// is in progress; beyond a short queue the caller is told to come back (503 + Retry-After).
const RENDER_QUEUE = 16;
const renders = pLimit(PDF_WORKERS);

/** True while a document is being laid out or waiting to be: optional renders can wait for later. */
export function rendererBusy(): boolean {
  return renders.activeCount + renders.pendingCount > 0;
}

/** The PDF bytes of a pdfmake document definition (queued; 503 when too many are waiting). */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  if (renders.activeCount + renders.pendingCount >= PDF_WORKERS + RENDER_QUEUE) {
    return Promise.reject(
      new OverloadedException('Too many documents are being generated. Try again in a few seconds.'),
    );
  }
  return renders(() => renderInWorker(definition));
}
