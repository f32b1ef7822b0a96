import { ROLE_LABELS } from '../assignment/actor';
import { EVENT_LABELS } from '../assignment/assignment-events';
import { RESPONSIBILITY_LABELS } from '../assignment/assignment-state';
import { ASSIGNMENT_STATUS_LABELS } from '../assignment/assignment-status';
import { ESCALATION_LEVEL_LABELS, ESCALATION_LEVELS } from '../escalation/escalation-levels';
import { LIGHT_LABELS } from '../light/traffic-light';
import { PLAN_STATUS_LABELS } from '../rollout/plan-status';
import { TALK_SOURCE_LABELS, TALK_STATUS_LABELS, TALK_TARGET_LABELS } from '../talk/talk-labels';

/**
 * Chinese labels that API responses carry next to each code (`status` + `statusLabel`…): one place for the
 * lookups, so no layer keeps a copy of the maps. An unknown code answers itself; a missing one '—'.
 */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return labels[code] ?? code;
}

/** Escalation records add `talk_proposed`: the ladder reached 约谈 and proposes it to the coordinator. */
export const ESCALATION_RECORD_LEVELS = [...ESCALATION_LEVELS.slice(0, 3), 'talk_proposed', 'talk'] as const;

export type EscalationRecordLevel = (typeof ESCALATION_RECORD_LEVELS)[number];

export const ESCALATION_RECORD_LEVEL_LABELS: Readonly<Record<EscalationRecordLevel, string>> = {
  ...ESCALATION_LEVEL_LABELS,
  talk_proposed: `${ESCALATION_LEVEL_LABELS.talk}（建议）`,
};

/** Who raised an escalation record. */
export const ESCALATION_SOURCE_LABELS: Readonly<Record<string, string>> = {
  ladder: '逾期自动升级',
  supervisor: '督查人员',
  coordinator: '牵头协调人员',
};

export const statusLabelOf = (code: string | null | undefined) => labelOf(ASSIGNMENT_STATUS_LABELS, code);
export const lightLabelOf = (code: string | null | undefined) => labelOf(LIGHT_LABELS, code);
export const responsibilityLabelOf = (code: string | null | undefined) => labelOf(RESPONSIBILITY_LABELS, code);
export const escalationLevelLabelOf = (code: string | null | undefined) => labelOf(ESCALATION_RECORD_LEVEL_LABELS, code);
export const escalationSourceLabelOf = (code: string | null | undefined) => labelOf(ESCALATION_SOURCE_LABELS, code);
export const roleLabelOf = (code: string | null | undefined) => labelOf(ROLE_LABELS, code);
export const eventTypeLabelOf = (code: string | null | undefined) => labelOf(EVENT_LABELS, code);
export const planStatusLabelOf = (code: string | null | undefined) => labelOf(PLAN_STATUS_LABELS, code);
export const talkStatusLabelOf = (code: string | null | undefined) => labelOf(TALK_STATUS_LABELS, code);
export const talkSourceLabelOf = (code: string | null | undefined) => labelOf(TALK_SOURCE_LABELS, code);
export const talkTargetLabelOf = (code: string | null | undefined) => labelOf(TALK_TARGET_LABELS, code);
