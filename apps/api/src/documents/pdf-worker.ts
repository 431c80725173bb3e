/*
 * The PDF layout thread (documents/pdf-renderer.ts starts it): pdfmake, its fonts and its access
 * policies live here, so laying out a document never blocks the API's event loop. This file
 * imports nothing relative — it runs as its compiled .js in production and straight from
 * TypeScript (Node's type stripping) under the tests.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** A definition as posted: functions cannot cross threads, so the footer comes as a template. */
export interface PdfJob {
  definition: TDocumentDefinitions;
  /** The footer content laid out for the `sentinel` page numbers, or undefined. */
  footer?: Content;
  sentinel: { current: number; count: number };
}
export type PdfAnswer = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

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

/** pdfmake with the fonts and the access policies set (exported for the policy test). */
export function pdfmakeLoaded(): Pdfmake {
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

/** `template` with the sentinel page numbers replaced by the real ones, in every string. */
function withPageNumbers<T>(template: T, sentinel: PdfJob['sentinel'], current: number, count: number): T {
  if (typeof template === 'string') {
    return template
      .replaceAll(String(sentinel.current), String(current))
      .replaceAll(String(sentinel.count), String(count)) as T;
  }
  if (Array.isArray(template)) {
    return template.map((item: unknown) => withPageNumbers(item, sentinel, current, count)) as T;
  }
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([k, v]) => [k, withPageNumbers(v, sentinel, current, count)]),
    ) as T;
  }
  return template;
}

async function render({ definition, footer, sentinel }: PdfJob): Promise<Uint8Array> {
  const full: TDocumentDefinitions =
    footer === undefined
      ? definition
      : {
          ...definition,
          footer: (current, count) => withPageNumbers(footer, sentinel, current, count),
        };
  return pdfmakeLoaded().createPdf(full).getBuffer();
}

parentPort?.on('message', (job: PdfJob) => {
  render(job).then(
    (pdf) => parentPort?.postMessage({ ok: true, pdf } satisfies PdfAnswer),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies PdfAnswer),
  );
});
