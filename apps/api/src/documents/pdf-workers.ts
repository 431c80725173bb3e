import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PdfAnswer, PdfJob } from './pdf-worker.js';

/*
 * node:worker_threads rather than a pool library: one job per worker at a time (renderPdf's
 * p-limit already bounds and queues them), so the pool is a list of idle threads — no new
 * dependency for that.
 */

/** Threads laying out PDFs: at least one core stays with the event loop. */
export const PDF_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** An idle thread ends after this long: pdfmake and its fonts weigh ~40 MB per thread. */
const IDLE_MS = 30_000;
/** Page numbers no document reaches: the footer is laid out with them, the worker replaces them. */
const SENTINEL = { current: 987_654_321, count: 876_543_219 } as const;

// The compiled .js in production; the TypeScript source under the tests (Node strips the types).
const compiled = new URL('./pdf-worker.js', import.meta.url);
const WORKER_FILE = existsSync(fileURLToPath(compiled))
  ? compiled
  : new URL('./pdf-worker.ts', import.meta.url);

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
}
const idle: Idle[] = [];

function takeWorker(): Worker {
  const found = idle.pop();
  if (found) {
    clearTimeout(found.timer);
    return found.worker;
  }
  const worker = new Worker(WORKER_FILE);
  // A thread waiting for work never keeps the process alive.
  worker.unref();
  return worker;
}

function release(worker: Worker): void {
  const entry: Idle = {
    worker,
    timer: setTimeout(() => {
      const at = idle.indexOf(entry);
      if (at >= 0) idle.splice(at, 1);
      void worker.terminate();
    }, IDLE_MS),
  };
  entry.timer.unref();
  idle.push(entry);
}

/** The footer function laid out once with sentinel page numbers: plain data, posted to the worker. */
function footerTemplate(footer: TDocumentDefinitions['footer']): Content | undefined {
  if (footer === undefined || footer === null) return undefined;
  if (typeof footer !== 'function') return footer;
  return (
    (footer as DynamicContent)(SENTINEL.current, SENTINEL.count, {
      width: 595.28,
      height: 841.89,
      orientation: 'portrait',
    }) ?? undefined
  );
}

/** Lays out `definition` on a worker thread; the caller bounds how many run at once (PDF_WORKERS). */
export function renderInWorker(definition: TDocumentDefinitions): Promise<Buffer> {
  const { footer, ...rest } = definition;
  const job: PdfJob = { definition: rest, footer: footerTemplate(footer), sentinel: SENTINEL };
  const worker = takeWorker();
  return new Promise<Buffer>((resolve, reject) => {
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      void worker.terminate();
      reject(error);
    };
    const onMessage = (answer: PdfAnswer) => {
      worker.off('error', onError);
      release(worker);
      if (answer.ok) resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
      else reject(new Error(answer.message));
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(job);
  });
}
