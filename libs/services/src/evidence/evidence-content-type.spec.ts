import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { detectEvidenceType } from './evidence-content-type';

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file's bytes with one directory entry name (UTF-16LE), far from the header as in real files. */
function compoundFile(stream: string): Buffer {
  return Buffer.concat([CFB_SIGNATURE, Buffer.alloc(300_000), Buffer.from(`${stream}\u0000`, 'utf16le'), Buffer.alloc(512)]);
}

async function officeZip(parts: string[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const part of parts) zip.file(part, '<x/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('detectEvidenceType (by content)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duban-sniff-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const kindOf = async (bytes: Buffer) => {
    const path = join(dir, `f-${Math.random().toString(36).slice(2)}`);
    await writeFile(path, bytes);
    return (await detectEvidenceType(path))?.kind ?? null;
  };

  it('knows PDF and pictures by their signatures', async () => {
    expect(await kindOf(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(await kindOf(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'))).toBe('png');
    expect(await kindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]))).toBe('jpeg');
    expect(await kindOf(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('gif');
    expect(await kindOf(Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]))).toBe('webp');
  });

  it('tells Word, Excel and PowerPoint packages apart by their parts; another zip is not evidence', async () => {
    expect(await kindOf(await officeZip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(await kindOf(await officeZip(['[Content_Types].xml', 'xl/workbook.xml']))).toBe('xlsx');
    expect(await kindOf(await officeZip(['[Content_Types].xml', 'ppt/presentation.xml']))).toBe('pptx');
    expect(await kindOf(await officeZip(['payload.exe']))).toBeNull();
    // A zip signature with no readable directory (truncated) is not evidence either.
    expect(await kindOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]))).toBeNull();
  });

  it('tells legacy .doc, .xls and .ppt apart by their streams; another compound file (an .msi) is not evidence', async () => {
    expect(await kindOf(compoundFile('WordDocument'))).toBe('doc');
    expect(await kindOf(compoundFile('Workbook'))).toBe('xls');
    expect(await kindOf(compoundFile('PowerPoint Document'))).toBe('ppt');
    expect(await kindOf(compoundFile('SummaryInformation'))).toBeNull();
  });

  it('refuses executables, scripts, text and empty files whatever they are named', async () => {
    expect(await kindOf(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(await kindOf(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).toBeNull();
    expect(await kindOf(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(await kindOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(await kindOf(Buffer.from('进展情况说明'))).toBeNull();
    expect(await kindOf(Buffer.alloc(0))).toBeNull();
  });
});
