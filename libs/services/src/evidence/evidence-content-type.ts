import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { filetypeinfo } from 'magic-bytes.js';
import yauzl from 'yauzl';
import { COMPOUND_FILE_STREAMS, EVIDENCE_FILE_TYPES, officeOpenXmlKind, type EvidenceFileKind, type EvidenceFileType } from '@duban/domain';

/** Enough bytes for every signature magic-bytes.js knows. */
const HEAD_BYTES = 4100;
/** A document with more parts than this is not an office file anyone attaches (and reading it is not free). */
const MAX_ZIP_ENTRIES = 20_000;

/**
 * The evidence type of a file by its content: the signature (magic bytes) decides PDF and
 * pictures; a zip is a Word, Excel or PowerPoint document only when its parts say so
 * (word/, xl/, ppt/); an OLE compound file only when it holds a Word, Excel or PowerPoint
 * stream. Anything else (an .exe named .pdf, a plain zip, text) is null.
 */
export async function detectEvidenceType(path: string): Promise<EvidenceFileType | null> {
  const head = await readHead(path);
  const names = new Set(filetypeinfo(head).map((info) => info.typename));
  const direct: [string, EvidenceFileKind][] = [
    ['pdf', 'pdf'],
    ['png', 'png'],
    ['jpg', 'jpeg'],
    ['gif', 'gif'],
    ['webp', 'webp'],
  ];
  for (const [typename, kind] of direct) if (names.has(typename)) return EVIDENCE_FILE_TYPES[kind];
  if (names.has('zip')) {
    const kind = officeOpenXmlKind(await zipEntryNames(path));
    return kind ? EVIDENCE_FILE_TYPES[kind] : null;
  }
  // magic-bytes.js names an OLE compound file doc/xls/ppt alike: its streams tell which.
  if (names.has('doc')) {
    const kind = await compoundFileKind(path);
    return kind ? EVIDENCE_FILE_TYPES[kind] : null;
  }
  return null;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** The part names of a zip, from its central directory (no part is decompressed); [] when it is not a readable zip. */
function zipEntryNames(path: string): Promise<string[]> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) return resolve([]);
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        zip.close();
        return resolve([]);
      }
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', () => resolve([]));
      zip.readEntry();
    });
  });
}

/** Which Office stream an OLE compound file holds: its directory names them in UTF-16LE. */
async function compoundFileKind(path: string): Promise<EvidenceFileKind | null> {
  const needles = COMPOUND_FILE_STREAMS.map(({ stream, kind }) => ({ kind, bytes: Buffer.from(`${stream}\u0000`, 'utf16le') }));
  const overlap = Math.max(...needles.map((needle) => needle.bytes.length));
  const found = new Set<EvidenceFileKind>();
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    for (const needle of needles) if (window.includes(needle.bytes)) found.add(needle.kind);
    tail = window.subarray(Math.max(0, window.length - overlap));
  }
  for (const kind of ['doc', 'ppt', 'xls'] as const) if (found.has(kind)) return kind;
  return null;
}
