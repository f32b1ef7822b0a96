export type PlanParseErrorCode = 'empty' | 'binary' | 'unreadable' | 'no-tasks' | 'needs-ocr';

const DEFAULT_MESSAGES: Record<PlanParseErrorCode, string> = {
  empty: '文件为空 / the file is empty',
  binary: '文件不是文本（二进制内容）/ the file is binary, not text',
  unreadable: '无法读取文件 / the file cannot be read',
  'no-tasks': '未找到编号任务 / no numbered tasks found in the document',
  'needs-ocr': '该 PDF 是扫描图像，没有可提取的文字，需先进行 OCR 文字识别 / the PDF holds only images: it needs OCR',
};

/** Thrown for input the parser cannot turn into a plan; `message` is one line. */
export class PlanParseError extends Error {
  readonly code: PlanParseErrorCode;

  constructor(code: PlanParseErrorCode, detail?: string) {
    super(detail ? `${DEFAULT_MESSAGES[code]}: ${detail.replace(/\s+/g, ' ')}` : DEFAULT_MESSAGES[code]);
    this.name = 'PlanParseError';
    this.code = code;
  }
}
