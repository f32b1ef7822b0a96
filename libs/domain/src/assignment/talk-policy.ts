import { ESCALATION_LEVEL_LABELS } from '../escalation/escalation-levels';
import { isOverdue, type AssignmentState } from './assignment-state';
import { reject, type Rejection } from './rejection';
import { chineseDate } from '../text/chinese-date';

export type TalkState = Pick<AssignmentState, 'status' | 'dueAt' | 'dueDate' | 'closureRequest' | 'talkProposed' | 'reachedLevels'>;

/**
 * 约谈 is due when the assignment is overdue, was closed late (its closure requested after the deadline: a
 * 约谈 may follow a late delivery), or the ladder has reached (proposed) the 约谈 level.
 */
export function isTalkDue(state: TalkState, now: number): boolean {
  const closedLate = state.status === 'closed' && state.closureRequest !== null && state.closureRequest.at >= state.dueAt;
  return isOverdue(state, now) || closedLate || state.talkProposed || state.reachedLevels.includes('talk');
}

/**
 * May a coordinator hold a 约谈 now? Yes when it is due; otherwise only with an explicit override reason
 * (recorded on the event), else `talk_not_due`.
 */
export function checkTalk(state: TalkState, now: number, overrideReason?: string): { readonly ok: true; readonly override: string | null } | Rejection {
  if (isTalkDue(state, now)) return { ok: true, override: null };
  const override = overrideReason?.trim() ?? '';
  if (override) return { ok: true, override };
  return reject(
    'talk_not_due',
    `任务未逾期（办理期限${chineseDate(state.dueDate)}），也未升级到“${ESCALATION_LEVEL_LABELS.talk}”级别，不能约谈；确需约谈须说明破例约谈的理由`,
  );
}
