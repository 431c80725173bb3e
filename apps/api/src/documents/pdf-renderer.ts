import { createRequire } from 'node:module';
import { ServiceUnavailableException } from '@nestjs/common';
import pLimit from 'p-limit';
import type { StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { printable } from './document-format.js';
import { COMPANY } from './letterhead.js';

/*
 * pdfmake (on pdfkit) rather than bare pdfkit: a business document is mostly tables — lines that
 * must break across pages with the header row repeated, totals kept together — which pdfmake lays
 * out from a declarative description, where pdfkit would need hand-computed coordinates and page
 * breaks. Fonts: pdfmake's bundled Roboto TTFs (embedded, subset), not the PDF standard-14 fonts,
 * whose WinAnsi encoding has no "→", "≤", narrow no-break space (French thousands separator) and so on.
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

type Pdfmake = typeof import('pdfmake');
let loaded: Pdfmake | undefined;

/**
 * pdfmake (CommonJS), required on the first document rather than at start: its layout engine and
 * font code weigh on every instance's memory while most instances render no PDF for hours.
 */
function pdfmakeLoaded(): Pdfmake {
  if (!loaded) {
    const pdfmake = require('pdfmake') as Pdfmake;
    pdfmake.setFonts({ Roboto: ROBOTO });
    // Document texts are typed by users: nothing in a document may make the server fetch a URL
    // (SSRF) or read a local file other than the four font files.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => FONT_FILES.has(file));
    loaded = pdfmake;
  }
  return loaded;
}

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

/** Every string of a plain data tree passed through `printable` (user texts can hold anything). */
export function printableStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => printableStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  }
  return value;
}

// Laying out a document is synchronous CPU work: rendered one at a time, with a turn of the event
// loop before each, health checks and other requests still get answers while a burst of PDFs is
// in progress; beyond a short queue the caller is told to come back (503 + Retry-After).
const RENDER_CONCURRENCY = 1;
const RENDER_QUEUE = 16;
const renders = pLimit(RENDER_CONCURRENCY);

/** True while a document is being laid out or waiting to be: optional renders can wait for later. */
export function rendererBusy(): boolean {
  return renders.activeCount + renders.pendingCount > 0;
}

/** The PDF bytes of a pdfmake document definition (queued; 503 when too many are waiting). */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  if (renders.activeCount + renders.pendingCount >= RENDER_CONCURRENCY + RENDER_QUEUE) {
    return Promise.reject(
      new ServiceUnavailableException('Too many documents are being generated. Try again in a few seconds.'),
    );
  }
  return renders(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return pdfmakeLoaded().createPdf(definition).getBuffer();
  });
}
