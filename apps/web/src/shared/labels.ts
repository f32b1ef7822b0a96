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
