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
/**
 * Roboto (Latin, Greek, Cyrillic) has no arrows, check marks, Arabic…: the characters it cannot
 * draw are printed in DejaVu Sans instead (it has them: "Radès → Marseille" keeps its arrow, and a
 * character typed by a user prints as typed rather than as a blank or another symbol).
 */
const dejavuFile = (name: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
const FALLBACK = {
  normal: dejavuFile('DejaVuSans'),
  bold: dejavuFile('DejaVuSans-Bold'),
  italics: dejavuFile('DejaVuSans-Oblique'),
  bolditalics: dejavuFile('DejaVuSans-BoldOblique'),
};
const FALLBACK_FONT = 'DejaVuSans';
const FONT_FILES: ReadonlySet<string> = new Set([...Object.values(ROBOTO), ...Object.values(FALLBACK)]);

/** fontkit (pdfkit's font reader) as used here: which characters Roboto has a glyph for. */
interface GlyphTable {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
let roboto: GlyphTable | undefined;
const drawable = new Map<number, boolean>();

/** Whether Roboto draws `char` (its four styles cover the same characters). */
function robotoDraws(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? 0;
  let known = drawable.get(codePoint);
  if (known === undefined) {
    roboto ??= (require('fontkit') as { openSync(file: string): GlyphTable }).openSync(ROBOTO.normal);
    known = char <= '\u00ff' || roboto.hasGlyphForCodePoint(codePoint);
    drawable.set(codePoint, known);
  }
  return known;
}

/** `text` as runs: the parts Roboto cannot draw in the fallback font; `text` itself when none. */
function textRuns(text: string): string | Content[] {
  const runs: { text: string; own: boolean }[] = [];
  for (const char of text) {
    const own = robotoDraws(char);
    const last = runs.at(-1);
    if (last?.own === own) last.text += char;
    else runs.push({ text: char, own });
  }
  if (runs.every((run) => run.own)) return text;
  return runs.map((run) => (run.own ? run.text : { text: run.text, font: FALLBACK_FONT }));
}

/**
 * The definition with every text (a `text` value, or a string standing for a node in a list:
 * content, stack, table cells, inline runs) split into runs where Roboto lacks a glyph. Other
 * strings (styles, colours, widths) are ASCII and come back unchanged.
 */
export function withFallbackFont<T>(node: T, key?: string): T {
  if (typeof node === 'string') {
    if (key !== undefined && key !== 'text') return node;
    const runs = textRuns(node);
    return (typeof runs === 'string' || key === 'text' ? runs : { text: runs }) as T;
  }
  if (Array.isArray(node)) return node.map((item: unknown) => withFallbackFont(item)) as T;
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withFallbackFont(v, k)])) as T;
  }
  return node;
}

type Pdfmake = typeof import('pdfmake');
let loaded: Pdfmake | undefined;

/** pdfmake with the fonts and the access policies set (exported for the policy test). */
export function pdfmakeLoaded(): Pdfmake {
  if (!loaded) {
    const pdfmake = require('pdfmake') as Pdfmake;
    pdfmake.setFonts({ Roboto: ROBOTO, [FALLBACK_FONT]: FALLBACK });
    // Document texts are typed by users: nothing in a document may make the server fetch a URL
    // (SSRF) or read a local file other than the font files.
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

async function render(job: PdfJob): Promise<Uint8Array> {
  const { sentinel } = job;
  const definition = withFallbackFont(job.definition);
  const footer = withFallbackFont(job.footer);
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
