import { officeOpenXmlKind, evidenceTooLargeMessage } from './evidence-file-types';
import { evidenceUrlProblem, recordedEvidenceProblem, validateEvidenceRefs } from './evidence-refs';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';

const FILE_ID = '3f2b8c1e-1d2a-4b5c-8d9e-0a1b2c3d4e5f';

describe('evidence links', () => {
  it('accepts http and https links with a host, at most 2000 characters', () => {
    expect(evidenceUrlProblem('https://www.gov.cn/zhengce/content/2024-05/1.htm')).toBeNull();
    expect(evidenceUrlProblem('http://10.1.2.3:8080/a?b=c#d')).toBeNull();
    expect(evidenceUrlProblem(`https://example.gov.cn/${'a'.repeat(1977)}`)).toBeNull();
  });

  it('refuses javascript:, data:, file:, relative and over-long links, in Chinese', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', '/local/path', 'https://', ' ', 'https://a b.cn']) {
      expect(evidenceUrlProblem(url)).toMatch(/佐证材料链接/);
    }
    expect(evidenceUrlProblem(`https://example.gov.cn/${'a'.repeat(1978)}`)).toContain('过长');
  });

  it('validates a report’s list: files by uuid, links checked, no file twice, at most 20', () => {
    expect(validateEvidenceRefs([{ kind: 'file', fileId: FILE_ID.toUpperCase() }, { kind: 'url', url: ' https://a.cn/x ' }, { kind: 'url', url: 'https://a.cn/x' }])).toEqual([
      { kind: 'file', fileId: FILE_ID },
      { kind: 'url', url: 'https://a.cn/x' },
    ]);
    expect(validateEvidenceRefs(undefined)).toEqual([]);
    expect(validateEvidenceRefs([{ kind: 'file', fileId: '../../etc/passwd' }])).toMatchObject({ ok: false, code: 'invalid_evidence' });
    expect(validateEvidenceRefs([{ kind: 'file', fileId: FILE_ID }, { kind: 'file', fileId: FILE_ID }])).toMatchObject({ code: 'invalid_evidence' });
    expect(validateEvidenceRefs([{ kind: 'url', url: 'javascript:alert(1)' }])).toMatchObject({ code: 'invalid_evidence' });
    expect(validateEvidenceRefs([{ kind: 'link', url: 'https://a.cn' } as never])).toMatchObject({ code: 'invalid_evidence' });
    expect(validateEvidenceRefs(Array.from({ length: 21 }, (_, i) => ({ kind: 'url' as const, url: `https://a.cn/${i}` })))).toMatchObject({ code: 'invalid_evidence' });
    expect(recordedEvidenceProblem([{ kind: 'file', fileId: FILE_ID, fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x' }])).toBeNull();
    expect(recordedEvidenceProblem([{ kind: 'url', url: 'data:,x' }])).toMatchObject({ code: 'invalid_evidence' });
  });
});

describe('sanitizeFileName', () => {
  it('keeps a Chinese name and its extension', () => {
    expect(sanitizeFileName('2024年上半年工作进展报告.pdf', 'pdf')).toBe('2024年上半年工作进展报告.pdf');
    expect(sanitizeFileName('现场照片.JPEG', 'jpg')).toBe('现场照片.jpeg');
  });

  it('drops path segments, control and reserved characters, leading dots', () => {
    expect(sanitizeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\x\\..\\报告.docx', 'docx')).toBe('报告.docx');
    expect(sanitizeFileName('..\u0000a<b>:"c|?*.pdf', 'pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('.htaccess', 'png')).toBe('htaccess.png');
    expect(sanitizeFileName('报告\u202Efdp.exe', 'pdf')).toBe('报告fdp.exe.pdf');
  });

  it('gives the detected type’s extension when the name says another, and a name when none is left', () => {
    expect(sanitizeFileName('总结.exe', 'pdf')).toBe('总结.exe.pdf');
    expect(sanitizeFileName('', 'png')).toBe('佐证材料.png');
    expect(sanitizeFileName('/', 'png')).toBe('佐证材料.png');
    expect(sanitizeFileName(undefined, 'docx')).toBe('佐证材料.docx');
  });

  it('caps the length, keeping the extension', () => {
    const name = sanitizeFileName(`${'很长的名字'.repeat(60)}.xlsx`, 'xlsx');
    expect([...name].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('file types', () => {
  it('tells Office Open XML packages apart by their parts', () => {
    expect(officeOpenXmlKind(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])).toBe('docx');
    expect(officeOpenXmlKind(['[Content_Types].xml', 'xl/workbook.xml'])).toBe('xlsx');
    expect(officeOpenXmlKind(['[Content_Types].xml', 'ppt/presentation.xml'])).toBe('pptx');
    expect(officeOpenXmlKind(['word/document.xml'])).toBeNull();
    expect(officeOpenXmlKind(['[Content_Types].xml', 'content.xml'])).toBeNull();
  });

  it('states the cap in megabytes', () => {
    expect(evidenceTooLargeMessage(20 * 1024 * 1024)).toBe('文件过大：佐证材料单个文件不能超过 20 MB');
  });
});
