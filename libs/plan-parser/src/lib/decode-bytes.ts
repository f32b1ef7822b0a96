import { PlanParseError } from './errors';
import { looksBinary, parsePlanText } from './parse-plan';
import { Plan, ParseOptions } from './types';

/**
 * Bytes → text: .docx via mammoth (raw text), UTF-8 (with or without BOM),
 * UTF-16 with BOM, else GB18030 (a superset of GBK/GB2312). Binary content is
 * rejected. mammoth and iconv-lite are loaded lazily so plain-text parsing
 * (and CLI start-up) does not pay for them.
 */
function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
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

export async function decodePlanBytes(bytes: Uint8Array, fileName: string): Promise<string> {
  if (bytes.length === 0) throw new PlanParseError('empty', fileName);
  if (/\.docx$/i.test(fileName) || isZip(bytes)) {
    if (!isZip(bytes)) throw new PlanParseError('unreadable', `${fileName} is not a valid .docx`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mammoth = require('mammoth') as Mammoth;
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      return value;
    } catch (e) {
      throw new PlanParseError('unreadable', `${fileName}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  if (/\.(?:doc|pdf|xls|xlsx|ppt|pptx|png|jpe?g|gif|zip|gz)$/i.test(fileName) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    if (!/\.(?:txt|md)$/i.test(fileName)) throw new PlanParseError('binary', fileName);
  }
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
  const text = await decodePlanBytes(bytes, fileName);
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return parsePlanText(text, { document: options?.document ?? base, directory: options?.directory });
}
