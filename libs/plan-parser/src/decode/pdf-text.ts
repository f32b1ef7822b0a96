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
const TIMEOUT_MS = Number(process.env.DUBAN_PDF_TIMEOUT_MS ?? 60000);
/** Fewer visible characters than this over the whole file: a scanned (image-only) PDF. */
const MIN_TEXT_CHARS = 20;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.url);
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(workerData.bytes), verbosity: 0, isEvalSupported: false,
    useSystemFonts: false, disableFontFace: true, stopAtErrors: false,
  }).promise;
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
  await doc.destroy();
  parentPort.postMessage({ pages });
})().catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

function pdfjsUrl(): string {
  // createRequire resolves through Node's own resolver (the path is handed to a plain worker).
  const req = createRequire(__filename);
  return pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
}

export async function readPdfPages(bytes: Uint8Array, fileName: string): Promise<PdfPage[]> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { url: pdfjsUrl(), bytes },
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
    stdout: true,
    stderr: true,
  });
  try {
    return await new Promise<PdfPage[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new PlanParseError('unreadable', `${fileName}: PDF 解析超时`)), TIMEOUT_MS);
      worker.once('message', (m: { pages?: PdfPage[]; error?: string }) => {
        clearTimeout(timer);
        if (m.pages) resolve(m.pages);
        else reject(new PlanParseError('unreadable', `${fileName}: ${m.error ?? 'PDF 无法读取'}`));
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(new PlanParseError('unreadable', `${fileName}: ${e.message}`));
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new PlanParseError('unreadable', `${fileName}: PDF 读取进程退出（${code}）`));
      });
    });
  } finally {
    await worker.terminate();
  }
}

export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  const pages = await readPdfPages(bytes, fileName);
  const out = layoutPdf(pages);
  if (out.text.replace(/\s+/g, '').length < MIN_TEXT_CHARS) throw new PlanParseError('needs-ocr', fileName);
  return out;
}
