import {
  ASSIGNMENT_STATUS_LABELS,
  COMMAND_LABELS,
  ESCALATION_RECORD_LEVEL_LABELS,
  ESCALATION_SOURCE_LABELS,
  EVENT_LABELS,
  LIGHT_LABELS,
  PLAN_STATUS_LABELS,
  RESPONSIBILITY_LABELS,
  ROLE_LABELS,
  TALK_STATUS_LABELS,
  TALK_TARGET_LABELS,
} from '@duban/domain';

/**
 * Chinese labels for codes. The API sends a label next to each code (`statusLabel`,
 * `lightLabel`…, see the API contract) and that label wins; until every response
 * carries one, the domain's own label maps answer — never a third copy of them here.
 */
function lookup(map: Readonly<Record<string, string>>, code: string | null | undefined, given?: string): string {
  if (given) return given;
  if (code === null || code === undefined || code === '') return '—';
  return map[code] ?? code;
}

export const statusLabel = (code: string, given?: string) => lookup(ASSIGNMENT_STATUS_LABELS, code, given);
export const lightLabel = (code: string, given?: string) => lookup(LIGHT_LABELS, code, given);
export const responsibilityLabel = (code: string, given?: string) => lookup(RESPONSIBILITY_LABELS, code, given);
export const roleLabel = (code: string, given?: string) => lookup(ROLE_LABELS, code, given);
export const eventLabel = (code: string, given?: string) => lookup(EVENT_LABELS, code, given);
export const commandLabel = (code: string) => lookup(COMMAND_LABELS, code);

/** Escalation records' levels, with `talk_proposed` (the ladder proposes a 约谈); the record's own label wins. */
export function escalationLabel(code: string | null | undefined, given?: string): string {
  return lookup(ESCALATION_RECORD_LEVEL_LABELS, code, given);
}

export const planStatusLabel = (code: string, given?: string) => lookup(PLAN_STATUS_LABELS, code, given);

/** Who raised an escalation record (the API sends `sourceLabel` beside `source`). */
export const escalationSourceLabel = (code: string, given?: string) => lookup(ESCALATION_SOURCE_LABELS, code, given);

/**
 * Unit kinds of the organisation directory. The API sends `kindLabel` beside `kind`; this map only
 * answers until it does (the directory's labels belong in libs/domain once the directory lands there).
 */
const UNIT_KIND_FALLBACK: Readonly<Record<string, string>> = {
  department: '部门',
  district_government: '区县政府',
  collective: '集合称谓',
  management_committee: '管委会',
  party_body: '党群机构',
  other: '其他',
};
export const unitKindLabel = (code: string, given?: string) => lookup(UNIT_KIND_FALLBACK, code, given);

/** Review vocabulary (bulletins, assessments, sanctions, 约谈 records): the API's label wins. */
const REVIEW_FALLBACK: Readonly<Record<string, string>> = {
  drafting: '生成中',
  draft: '草稿',
  published: '已发布',
  half_year: '半年通报',
  on_demand: '专项通报',
  proposed: '待确认',
  confirmed: '已确认',
  waived: '已免予',
  scheduled: '已安排',
  held: '已约谈',
  verified: '已验收',
  escalated: '已升级',
};
export const reviewLabel = (code: string | null | undefined, given?: string) => lookup(REVIEW_FALLBACK, code, given);

/** 约谈 records' statuses and whom a 约谈 addresses (the API's label wins). */
export const talkStatusLabel = (code: string | null | undefined, given?: string) => lookup(TALK_STATUS_LABELS, code, given);
export const talkTargetLabel = (code: string | null | undefined, given?: string | null) => lookup(TALK_TARGET_LABELS, code, given ?? undefined);
