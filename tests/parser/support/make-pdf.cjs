// Makes test PDFs in a worker thread (a plain Node context: pdf-lib and fontkit run
// several times faster there than inside Jest's module sandbox).
//   workerData: { kind: 'text', text, header?, pageNumbers?, copies? } | { kind: 'image-only' }
// `copies` repeats the typeset pages (copied, so a 100-page PDF costs the time of a few).
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { deflateSync } = require('node:zlib');
const { PDFDocument } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

async function textPdf(text, options) {
  const ttc = readFileSync(FONT);
  // The system font is a collection (.ttc): hand pdf-lib its Simplified Chinese face.
  const collection = fontkit.create(ttc);
  const face = collection.fonts ? collection.getFont('NotoSansCJKsc-Regular') : collection;
  const doc = await PDFDocument.create();
  doc.registerFontkit({ create: () => face });
  const font = await doc.embedFont(ttc, { subset: true });
  const [W, H, M, size, lead] = [595, 842, 72, 12, 20];
  const width = W - 2 * M;
  let page = doc.addPage([W, H]);
  let y = H - M;
  let pages = 1;
  const decorate = () => {
    if (options.header) page.drawText(options.header, { x: M, y: H - 40, size: 9, font });
    if (options.pageNumbers) page.drawText(`— ${pages} —`, { x: W / 2 - 15, y: 30, size: 10, font });
  };
  decorate();
  const newLine = () => {
    y -= lead;
    if (y < M) {
      page = doc.addPage([W, H]);
      pages++;
      y = H - M;
      decorate();
    }
  };
  // Glyph widths measured once per character (CJK text has no kerning to speak of).
  const widths = new Map();
  const widthOf = (ch) => {
    if (!widths.has(ch)) widths.set(ch, font.widthOfTextAtSize(ch, size));
    return widths.get(ch);
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const para = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/\t/g, '    ');
    if (!para) continue;
    // Each paragraph's first line is indented two characters; the rest wrap at the text width.
    let x = M + 2 * size;
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = widthOf(ch);
      if (x + w + cw > M + width) {
        page.drawText(line, { x, y, size, font });
        newLine();
        x = M;
        line = ch;
        w = cw;
      } else {
        line += ch;
        w += cw;
      }
    }
    if (line) page.drawText(line, { x, y, size, font });
    newLine();
  }
  const set = doc.getPageIndices();
  for (let c = 1; c < (options.copies || 1); c++) for (const p of await doc.copyPages(doc, set)) doc.addPage(p);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

function png2x2() {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth 8, colour type 0 (grey)
  const rows = Buffer.from([0, 128, 128, 0, 128, 128]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function imageOnlyPdf() {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png2x2());
  doc.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
  return { bytes: await doc.save(), pages: 1 };
}

(workerData.kind === 'image-only' ? imageOnlyPdf() : textPdf(workerData.text, workerData))
  .then((r) => parentPort.postMessage(r))
  .catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));
