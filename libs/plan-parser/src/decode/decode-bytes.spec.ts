import { decodePlanBytes } from './decode-bytes';
import { PlanParseError } from '../lib/errors';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const iconv = require('iconv-lite') as { encode(s: string, enc: string): Buffer };

describe('decodePlanBytes', () => {
  const text = '一、重点任务\n1. 加强建设。（责任单位：市卫健委）';

  it('reads UTF-8, UTF-8 BOM, UTF-16 LE/BE BOM and GB18030', async () => {
    expect(await decodePlanBytes(Buffer.from(text, 'utf8'), 'a.txt')).toBe(text);
    expect(await decodePlanBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.txt')).toBe(text);
    expect(await decodePlanBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'a.txt')).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(await decodePlanBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt')).toBe(text);
    expect(await decodePlanBytes(iconv.encode(text, 'gb18030'), 'a.txt')).toBe(text);
  });

  it('rejects binary, empty and broken .docx input', async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) % 251;
    await expect(decodePlanBytes(random, 'r.txt')).rejects.toMatchObject({ code: 'binary' });
    await expect(decodePlanBytes(Buffer.alloc(0), 'e.txt')).rejects.toBeInstanceOf(PlanParseError);
    await expect(decodePlanBytes(Buffer.from('PK\u0003\u0004garbage'), 'x.docx')).rejects.toMatchObject({ code: 'unreadable' });
  });
});
