import { reject, type Rejection } from '../assignment/rejection';
import { isWebLink } from '../text/text-rules';

/** 佐证材料 as a report names it: a file uploaded to the assignment, or a web link. */
export type EvidenceRef = { readonly kind: 'file'; readonly fileId: string } | { readonly kind: 'url'; readonly url: string };

/** 佐证材料 as recorded with a report: a file with what was checked at upload, or a link. */
export type RecordedEvidence =
  | {
      readonly kind: 'file';
      readonly fileId: string;
      readonly fileName: string;
      readonly contentType: string;
      readonly size: number;
      readonly sha256: string;
    }
  | { readonly kind: 'url'; readonly url: string };

export const MAX_EVIDENCE_PER_REPORT = 20;
/** Longer links are not addresses people type or paste (and would fill the record). */
export const MAX_EVIDENCE_URL_LENGTH = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a link may not be recorded as evidence, or null: http/https only, a host, no spaces, at most 2000 characters. */
export function evidenceUrlProblem(url: unknown): string | null {
  if (typeof url !== 'string' || url.trim() === '') return '佐证材料链接不能为空';
  const trimmed = url.trim();
  if (trimmed.length > MAX_EVIDENCE_URL_LENGTH) return `佐证材料链接过长：最多 ${MAX_EVIDENCE_URL_LENGTH} 个字符`;
  // Opened by people: never javascript:, data:, file: or a relative path.
  if (!isWebLink(trimmed)) return `佐证材料链接须以 http:// 或 https:// 开头：${trimmed.slice(0, 80)}`;
  return null;
}

/**
 * Checks the shape of a report's evidence list: at most 20 items, each a file id (uuid) or a
 * valid web link, none twice. Whether a file was uploaded to the assignment is checked where
 * the files are (the service), against this list.
 */
export function validateEvidenceRefs(refs: readonly EvidenceRef[] | undefined): readonly EvidenceRef[] | Rejection {
  if (refs === undefined) return [];
  if (!Array.isArray(refs)) return reject('invalid_evidence', '佐证材料须为列表');
  if (refs.length > MAX_EVIDENCE_PER_REPORT) return reject('invalid_evidence', `一次反馈最多附 ${MAX_EVIDENCE_PER_REPORT} 项佐证材料`);
  const seen = new Set<string>();
  const valid: EvidenceRef[] = [];
  for (const ref of refs) {
    if (typeof ref !== 'object' || ref === null) return reject('invalid_evidence', '每项佐证材料须为文件或链接');
    if (ref.kind === 'file') {
      if (typeof ref.fileId !== 'string' || !UUID.test(ref.fileId)) return reject('invalid_evidence', '佐证材料文件编号无效');
      const key = `file:${ref.fileId.toLowerCase()}`;
      if (seen.has(key)) return reject('invalid_evidence', '同一佐证材料文件附了两次');
      seen.add(key);
      valid.push({ kind: 'file', fileId: ref.fileId.toLowerCase() });
    } else if (ref.kind === 'url') {
      const problem = evidenceUrlProblem(ref.url);
      if (problem) return reject('invalid_evidence', problem);
      const url = ref.url.trim();
      if (seen.has(`url:${url}`)) continue;
      seen.add(`url:${url}`);
      valid.push({ kind: 'url', url });
    } else {
      return reject('invalid_evidence', '佐证材料类型须为文件（file）或链接（url）');
    }
  }
  return valid;
}

/** The same checks on evidence as recorded (what the workflow re-checks before it records a report). */
export function recordedEvidenceProblem(evidence: readonly RecordedEvidence[] | undefined): Rejection | null {
  if (evidence === undefined) return null;
  const refs = validateEvidenceRefs(evidence.map((item) => (item.kind === 'file' ? { kind: 'file', fileId: item.fileId } : item)));
  return 'ok' in refs ? refs : null;
}
