import { PlanParseError } from '../lib/errors';
import { looksBinary, parsePlanText } from '../lib/parse-plan';
import { Plan, ParseOptions } from '../lib/types';

import { docxToText } from './docx-text';
import { pdfToText } from './pdf-text';

/**
 * Bytes → text: .docx (paragraphs with their Word list numbers, tables as cell lines),
 * PDF (pdfjs-dist in a worker: reading order, joined lines, no running headers or page
 * numbers; an image-only PDF asks for OCR), UTF-8 (with or without BOM), UTF-16 with BOM,
 * else GB18030 (a superset of GBK/GB2312). Binary content is rejected. iconv-lite is
 * loaded lazily so plain-text parsing (and CLI start-up) does not pay for it.
 */
function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function isPdf(b: Uint8Array): boolean {
  // The header may follow a few bytes of junk (allowed by the PDF spec).
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function hasNul(b: Uint8Array, limit: number): boolean {
  const n = Math.min(b.length, limit);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

interface Mammoth {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string }>;
}
interface IconvLite {
  decode(buf: Buffer, encoding: string): string;
}

/** Decoded text, with the offset of each page for PDF input. */
export interface DecodedDocument {
  text: string;
  pageStarts?: number[];
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

async function decodeDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    return await docxToText(bytes);
  } catch (e) {
    if (e instanceof PlanParseError) throw e;
    // An unusual package our reader does not follow: mammoth's raw text (no list numbers) is still better than nothing.
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mammoth = require('mammoth') as Mammoth;
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch {
      throw new PlanParseError('unreadable', `${fileName}: ${reason(e)}`);
    }
  }
}

export async function decodePlanDocument(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  if (bytes.length === 0) throw new PlanParseError('empty', fileName);
  if (/\.docx$/i.test(fileName) || isZip(bytes)) {
    if (!isZip(bytes)) throw new PlanParseError('unreadable', `${fileName} is not a valid .docx`);
    return { text: await decodeDocx(bytes, fileName) };
  }
  if (isPdf(bytes)) {
    const pdf = await pdfToText(bytes, fileName);
    return { text: pdf.text, pageStarts: pdf.pageStarts };
  }
  if (/\.pdf$/i.test(fileName)) throw new PlanParseError('unreadable', `${fileName} is not a valid PDF`);
  if (/\.(?:doc|xls|xlsx|ppt|pptx|png|jpe?g|gif|zip|gz)$/i.test(fileName)) throw new PlanParseError('binary', fileName);
  return { text: decodeText(bytes, fileName) };
}

export async function decodePlanBytes(bytes: Uint8Array, fileName: string): Promise<string> {
  return (await decodePlanDocument(bytes, fileName)).text;
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (hasNul(bytes, 8192)) throw new PlanParseError('binary', fileName);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iconv = require('iconv-lite') as IconvLite;
    text = iconv.decode(buf, 'gb18030');
  }
  if (looksBinary(text)) throw new PlanParseError('binary', fileName);
  return text;
}

export async function parsePlanBytes(bytes: Uint8Array, fileName: string, options?: Partial<ParseOptions>): Promise<Plan> {
  const doc = await decodePlanDocument(bytes, fileName);
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return parsePlanText(doc.text, { document: options?.document ?? base, directory: options?.directory, pageStarts: doc.pageStarts });
}
