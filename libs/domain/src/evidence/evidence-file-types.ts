/**
 * The kinds of file accepted as 佐证材料, recognised by their content (never by the name
 * or the declared type): documents and pictures people attach to a 反馈.
 */
export type EvidenceFileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'ppt' | 'pptx';

export interface EvidenceFileType {
  readonly kind: EvidenceFileKind;
  readonly contentType: string;
  /** The extension a stored name gets when the uploaded one has another. */
  readonly extension: string;
  readonly label: string;
}

export const EVIDENCE_FILE_TYPES: Readonly<Record<EvidenceFileKind, EvidenceFileType>> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', extension: 'pdf', label: 'PDF 文档' },
  png: { kind: 'png', contentType: 'image/png', extension: 'png', label: 'PNG 图片' },
  jpeg: { kind: 'jpeg', contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG 图片' },
  gif: { kind: 'gif', contentType: 'image/gif', extension: 'gif', label: 'GIF 图片' },
  webp: { kind: 'webp', contentType: 'image/webp', extension: 'webp', label: 'WebP 图片' },
  doc: { kind: 'doc', contentType: 'application/msword', extension: 'doc', label: 'Word 文档' },
  docx: { kind: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word 文档' },
  xls: { kind: 'xls', contentType: 'application/vnd.ms-excel', extension: 'xls', label: 'Excel 表格' },
  xlsx: { kind: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'Excel 表格' },
  ppt: { kind: 'ppt', contentType: 'application/vnd.ms-powerpoint', extension: 'ppt', label: 'PowerPoint 演示文稿' },
  pptx: { kind: 'pptx', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint 演示文稿' },
};

/** What an Office Open XML package (a zip) holds: its part names decide which document it is. */
export function officeOpenXmlKind(entryNames: readonly string[]): EvidenceFileKind | null {
  const has = (prefix: string) => entryNames.some((name) => name.startsWith(prefix));
  if (!entryNames.includes('[Content_Types].xml')) return null;
  if (has('word/')) return 'docx';
  if (has('xl/')) return 'xlsx';
  if (has('ppt/')) return 'pptx';
  return null;
}

/** The stream names of a legacy Office file (an OLE compound file): WordDocument, Workbook/Book, PowerPoint Document. */
export const COMPOUND_FILE_STREAMS: readonly { readonly stream: string; readonly kind: EvidenceFileKind }[] = [
  { stream: 'WordDocument', kind: 'doc' },
  { stream: 'Workbook', kind: 'xls' },
  { stream: 'Book', kind: 'xls' },
  { stream: 'PowerPoint Document', kind: 'ppt' },
];

/** The refusal people read for a file of any other kind (415). */
export const UNSUPPORTED_EVIDENCE_MESSAGE = '不支持该文件类型：佐证材料仅支持 PDF、图片（PNG、JPEG、GIF、WebP）和 Office 文档（Word、Excel、PowerPoint），按文件内容识别';

/** The refusal for a file over the cap (413). */
export function evidenceTooLargeMessage(maxBytes: number): string {
  return `文件过大：佐证材料单个文件不能超过 ${formatBytes(maxBytes)}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} 字节`;
}
