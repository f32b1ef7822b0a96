import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PlanParseError } from '../lib/errors';
import { layoutPdf, PdfPage, PdfText } from './pdf-layout';

/**
 * PDF bytes → text (pdfjs-dist, pure JavaScript). pdfjs-dist ≥ 4 is an ES module while
 * this code runs as CommonJS (swc under Jest, the compiled CLI): it is loaded with a real
 * `import()` inside a worker thread, whose context is a plain Node one in both places.
 * The worker also keeps a hostile PDF away from the caller: it is time- and
 * memory-limited and killed if it misbehaves.
 */
/** Longest a PDF may take to decode (DUBAN_PDF_TIMEOUT_MS through libs/config; see configurePdfDecoding). */
let timeoutMs = 60_000;

/** Set by the application from its configuration (this pure library reads no environment). */
export function configurePdfDecoding(settings: { readonly timeoutMs: number }): void {
  if (Number.isInteger(settings.timeoutMs) && settings.timeoutMs > 0) timeoutMs = settings.timeoutMs;
}
/** Fewer visible characters than this over the whole file: a scanned (image-only) PDF. */
const MIN_TEXT_CHARS = 20;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.url);
async function read(bytes) {
  const pdfjs = await loading;
  const doc = await pdfjs.getDocument({
    data: bytes, verbosity: 0, isEvalSupported: false,
    useSystemFonts: false, disableFontFace: true, stopAtErrors: false,
  }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string') continue;
        const t = it.transform;
        items.push({ str: it.str, x: t[4], y: t[5], width: it.width, size: Math.hypot(t[2], t[3]) || it.height || 10 });
      }
      pages.push({ width: view[2] - view[0], height: view[3] - view[1], items });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', ({ id, bytes }) => {
  read(bytes).then(
    (pages) => parentPort.postMessage({ id, pages }),
    (e) => parentPort.postMessage({ id, error: String((e && e.message) || e) }),
  );
});
`;

function pdfjsUrl(): string {
  // createRequire resolves through Node's own resolver (the path is handed to a plain worker).
  const req = createRequire(__filename);
  return pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
}

/**
 * One reader worker, reused while files keep coming (starting it and loading pdfjs costs
 * most of a short file's time) and closed after a few idle seconds; one file at a time.
 * A file that times out or kills the worker takes the worker with it; the next file gets
 * a fresh one.
 */
const IDLE_MS = 5000;
let reader: { worker: Worker; idle?: NodeJS.Timeout } | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function getReader(): Worker {
  if (!reader) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { url: pdfjsUrl() },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    const r = { worker };
    worker.once('exit', () => {
      if (reader === r) reader = null;
    });
    reader = r;
  }
  if (reader.idle) clearTimeout(reader.idle);
  return reader.worker;
}

function release(worker: Worker, broken: boolean): void {
  if (!reader || reader.worker !== worker) return;
  if (broken) {
    reader = null;
    void worker.terminate();
    return;
  }
  const r = reader;
  r.idle = setTimeout(() => {
    if (reader === r) reader = null;
    void worker.terminate();
  }, IDLE_MS);
  r.idle.unref();
}

function readOnce(bytes: Uint8Array, fileName: string): Promise<PdfPage[]> {
  const worker = getReader();
  const id = ++nextId;
  return new Promise<PdfPage[]>((resolve, reject) => {
    const done = (broken: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      release(worker, broken);
    };
    const onMessage = (m: { id: number; pages?: PdfPage[]; error?: string }) => {
      if (m.id !== id) return;
      done(false);
      if (m.pages) resolve(m.pages);
      else reject(new PlanParseError('unreadable', `${fileName}: ${m.error ?? 'PDF 无法读取'}`));
    };
    const onError = (e: Error) => {
      done(true);
      reject(new PlanParseError('unreadable', `${fileName}: ${e.message}`));
    };
    const onExit = (code: number) => {
      done(true);
      reject(new PlanParseError('unreadable', `${fileName}: PDF 读取进程退出（${code}）`));
    };
    const timer = setTimeout(() => {
      done(true);
      reject(new PlanParseError('unreadable', `${fileName}: PDF 解析超时`));
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id, bytes });
  });
}

export function readPdfPages(bytes: Uint8Array, fileName: string): Promise<PdfPage[]> {
  const job = queue.then(() => readOnce(bytes, fileName));
  queue = job.catch(() => undefined);
  return job;
}

export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  const pages = await readPdfPages(bytes, fileName);
  const out = layoutPdf(pages);
  if (out.text.replace(/\s+/g, '').length < MIN_TEXT_CHARS) throw new PlanParseError('needs-ocr', fileName);
  return out;
}
