import { addCalendarDays, compareBusinessDates, isValidBusinessDate, shanghaiDateOf, startOfShanghaiDay } from '@duban/calendar';
import { ROLE_LABELS, type Actor } from '../assignment/actor';
import { COMMAND_ALLOWED_STATUSES } from '../assignment/assignment-actions';
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from '../assignment/assignment-status';
import { hasPermission, PERMISSION_LABELS, readableUnitsOf, type Permission } from '../assignment/roles-and-permissions';
import { isTalkTarget, type TalkStatus, type TalkTarget } from './talk-status';
import { TALK_ACTION_LABELS, TALK_STATUS_LABELS, TALK_TARGET_LABELS } from './talk-labels';
import { refuseTalk, type TalkRefusal } from './talk-refusal';
import { chineseDate } from '../text/chinese-date';

/** The steps of a talk's course after it was opened (proposed or triggered). */
export const TALK_ACTIONS = ['schedule', 'hold', 'reportRectification', 'verify', 'escalate'] as const;
export type TalkAction = (typeof TALK_ACTIONS)[number];

/**
 * The course as data: from which statuses each step may be taken and where it leads. Scheduling again
 * (rescheduling) is allowed until the talk is held; escalation follows a held talk whose rectification is
 * missing, late or inadequate.
 */
export const TALK_TRANSITIONS: Readonly<Record<TalkAction, { readonly from: readonly TalkStatus[]; readonly to: TalkStatus }>> = {
  schedule: { from: ['proposed', 'scheduled'], to: 'scheduled' },
  hold: { from: ['scheduled'], to: 'held' },
  reportRectification: { from: ['held'], to: 'rectification_reported' },
  verify: { from: ['rectification_reported'], to: 'verified' },
  escalate: { from: ['held', 'rectification_reported'], to: 'escalated' },
};

/** Who may take each step: named permissions (ROLE_PERMISSIONS decides who holds them). */
export const TALK_ACTION_PERMISSIONS: Readonly<Record<TalkAction, Permission>> = {
  schedule: 'runReview',
  hold: 'runReview',
  reportRectification: 'reportTalkRectification',
  verify: 'runReview',
  escalate: 'runReview',
};

/** Opening a talk by hand (a coordinator's 约谈 on an assignment) and reading talks. */
export const TALK_OPEN_PERMISSION: Permission = 'runReview';
export const TALK_READ_PERMISSION: Permission = 'readTalks';

/** Limits (characters) of the texts a talk carries. */
export const TALK_TEXT_LIMITS = {
  reason: 1000,
  place: 200,
  attendees: 1000,
  minutes: 20_000,
  demands: 5000,
  rectification: 20_000,
  escalatedReason: 1000,
} as const;
export type TalkTextField = keyof typeof TALK_TEXT_LIMITS;

export const TALK_FIELD_LABELS: Readonly<Record<TalkTextField, string>> = {
  reason: '约谈事由',
  place: '约谈地点',
  attendees: '参加人员',
  minutes: '约谈记录',
  demands: '整改要求',
  rectification: '整改情况',
  escalatedReason: '升级理由',
};

/** A talk may be arranged for a date at most this many days back (recording one already arranged) … */
export const TALK_SCHEDULE_MAX_PAST_DAYS = 30;
/** … and at most this many days ahead. */
export const TALK_SCHEDULE_MAX_FUTURE_DAYS = 366;
/** The rectification deadline is after the held date and at most this many days later. */
export const TALK_RECTIFY_MAX_DAYS = 366;
/** Clock skew tolerated when a held time is "now" on another machine. */
const CLOCK_SKEW_MS = 5 * 60_000;
const MS_PER_DAY = 86_400_000;

/** What the course needs to know of a talk. */
export interface TalkFacts {
  readonly status: TalkStatus;
  readonly unitId: string | null;
  readonly scheduledAt: number | null;
  readonly heldAt: number | null;
}

export type TalkCommand =
  | { readonly action: 'schedule'; readonly at: string; readonly place: string; readonly attendees: string; readonly talkTarget: string }
  | { readonly action: 'hold'; readonly minutes: string; readonly demands: string; readonly rectifyBy: string; readonly heldAt?: string }
  | { readonly action: 'reportRectification'; readonly text: string }
  | { readonly action: 'verify' }
  | { readonly action: 'escalate'; readonly reason: string };

/** The columns a step writes (instants as epoch ms), and the status it leads to. */
export interface TalkChange {
  readonly status: TalkStatus;
  readonly scheduledAt?: number;
  readonly place?: string;
  readonly attendees?: string;
  readonly talkTarget?: TalkTarget;
  readonly minutes?: string;
  readonly demands?: string;
  readonly rectifyBy?: string;
  readonly heldAt?: number;
  readonly rectification?: string;
  readonly rectificationReportedAt?: number;
  readonly verifiedAt?: number;
  readonly escalatedAt?: number;
  readonly escalatedReason?: string;
}

export type TalkDecision = { readonly ok: true; readonly change: TalkChange } | TalkRefusal;

/** A required text, trimmed, within its limit. */
export function checkTalkText(field: TalkTextField, value: unknown): { readonly ok: true; readonly text: string } | TalkRefusal {
  const label = TALK_FIELD_LABELS[field];
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return refuseTalk('talk_text_required', `请填写${label}`, { field });
  if (text.length > TALK_TEXT_LIMITS[field]) return refuseTalk('talk_text_too_long', `${label}不能超过 ${TALK_TEXT_LIMITS[field]} 字（现为 ${text.length} 字）`, { field });
  return { ok: true, text };
}

function instantOf(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Is the step allowed from the talk's status? */
export function isTalkTransitionAllowed(status: TalkStatus, action: TalkAction): boolean {
  return TALK_TRANSITIONS[action].from.includes(status);
}

/**
 * May `actor` take `action` on this talk? The named permission first; a unit-scoped role (unit staff) only on
 * its own units' talks (`wrong_unit`, as for assignments).
 */
export function authorizeTalkAction(actor: Pick<Actor, 'role' | 'unitIds'>, talk: Pick<TalkFacts, 'unitId'>, action: TalkAction): { readonly ok: true } | TalkRefusal {
  const permission = TALK_ACTION_PERMISSIONS[action];
  if (!hasPermission(actor.role, permission)) {
    return refuseTalk('forbidden', `${ROLE_LABELS[actor.role]}无权${TALK_ACTION_LABELS[action]}（需要“${PERMISSION_LABELS[permission]}”权限）`);
  }
  const scope = readableUnitsOf(actor);
  if (scope !== undefined && (talk.unitId === null || !scope.includes(talk.unitId))) return refuseTalk('wrong_unit', '只能办理本单位的约谈');
  return { ok: true };
}

/** May `actor` read this talk? Readers of talks; unit staff only their own units' talks. */
export function canReadTalk(actor: Pick<Actor, 'role' | 'unitIds'>, talk: Pick<TalkFacts, 'unitId'>): boolean {
  if (!hasPermission(actor.role, TALK_READ_PERMISSION)) return false;
  const scope = readableUnitsOf(actor);
  return scope === undefined || (talk.unitId !== null && scope.includes(talk.unitId));
}

/** The steps `actor` may take on the talk now (for the console's buttons; the API decides again). */
export function availableTalkActions(actor: Pick<Actor, 'role' | 'unitIds'>, talk: TalkFacts): TalkAction[] {
  return TALK_ACTIONS.filter((action) => isTalkTransitionAllowed(talk.status, action) && authorizeTalkAction(actor, talk, action).ok);
}

/**
 * Decides a step of the course: the transition must be allowed from the current status and the payload valid.
 * Pure: `now` is an input. Authorization is separate (authorizeTalkAction), so the CLI and the API share both.
 */
export function decideTalk(talk: TalkFacts, command: TalkCommand, now: number): TalkDecision {
  const transition = TALK_TRANSITIONS[command.action];
  if (!transition.from.includes(talk.status)) {
    const allowed = transition.from.map((status) => `“${TALK_STATUS_LABELS[status]}”`).join('或');
    return refuseTalk('talk_transition_not_allowed', `约谈当前为“${TALK_STATUS_LABELS[talk.status]}”，不能${TALK_ACTION_LABELS[command.action]}（仅${allowed}时可以）`, {
      status: talk.status,
      action: command.action,
    });
  }
  const to = transition.to;
  switch (command.action) {
    case 'schedule': {
      const at = instantOf(command.at);
      if (at === null) return refuseTalk('talk_schedule_invalid', '约谈时间无效，应为带时区的 ISO 8601 时间（如 2026-07-01T09:30:00+08:00）', { field: 'at' });
      if (at < now - TALK_SCHEDULE_MAX_PAST_DAYS * MS_PER_DAY) return refuseTalk('talk_schedule_invalid', `约谈时间不能早于 ${TALK_SCHEDULE_MAX_PAST_DAYS} 天前`, { field: 'at' });
      if (at > now + TALK_SCHEDULE_MAX_FUTURE_DAYS * MS_PER_DAY) return refuseTalk('talk_schedule_invalid', `约谈时间不能晚于 ${TALK_SCHEDULE_MAX_FUTURE_DAYS} 天后`, { field: 'at' });
      if (!isTalkTarget(command.talkTarget)) {
        return refuseTalk('talk_target_invalid', `请选择约谈对象：${TALK_TARGET_LABELS.principal}（principal）或${TALK_TARGET_LABELS.deputy}（deputy）`, { field: 'talkTarget' });
      }
      const place = checkTalkText('place', command.place);
      if (!place.ok) return place;
      const attendees = checkTalkText('attendees', command.attendees);
      if (!attendees.ok) return attendees;
      return { ok: true, change: { status: to, scheduledAt: at, place: place.text, attendees: attendees.text, talkTarget: command.talkTarget } };
    }
    case 'hold': {
      const heldAt = command.heldAt === undefined ? now : instantOf(command.heldAt);
      if (heldAt === null) return refuseTalk('talk_held_at_invalid', '约谈时间无效，应为带时区的 ISO 8601 时间', { field: 'heldAt' });
      if (heldAt > now + CLOCK_SKEW_MS) return refuseTalk('talk_held_at_invalid', '约谈尚未举行，不能记录（约谈时间晚于现在）', { field: 'heldAt' });
      // A talk is held on or after the day it was arranged for (rescheduling comes first).
      if (talk.scheduledAt !== null && heldAt < startOfShanghaiDay(shanghaiDateOf(talk.scheduledAt))) {
        return refuseTalk('talk_held_at_invalid', `约谈安排在 ${shanghaiDateOf(talk.scheduledAt)}，尚未到约谈日期；如已提前举行，请先调整约谈安排`, { field: 'heldAt' });
      }
      const minutes = checkTalkText('minutes', command.minutes);
      if (!minutes.ok) return minutes;
      const demands = checkTalkText('demands', command.demands);
      if (!demands.ok) return demands;
      const heldDate = shanghaiDateOf(heldAt);
      if (!isValidBusinessDate(command.rectifyBy)) return refuseTalk('talk_rectify_by_invalid', '整改期限无效，应为 YYYY-MM-DD 日期', { field: 'rectifyBy' });
      if (compareBusinessDates(command.rectifyBy, heldDate) <= 0) return refuseTalk('talk_rectify_by_invalid', `整改期限须晚于约谈日期（${chineseDate(heldDate)}）`, { field: 'rectifyBy' });
      const latest = addCalendarDays(heldDate, TALK_RECTIFY_MAX_DAYS);
      if (compareBusinessDates(command.rectifyBy, latest) > 0) return refuseTalk('talk_rectify_by_invalid', `整改期限不能晚于${chineseDate(latest)}`, { field: 'rectifyBy' });
      return { ok: true, change: { status: to, heldAt, minutes: minutes.text, demands: demands.text, rectifyBy: command.rectifyBy } };
    }
    case 'reportRectification': {
      const text = checkTalkText('rectification', command.text);
      if (!text.ok) return text;
      return { ok: true, change: { status: to, rectification: text.text, rectificationReportedAt: now } };
    }
    case 'verify':
      return { ok: true, change: { status: to, verifiedAt: now } };
    case 'escalate': {
      const reason = checkTalkText('escalatedReason', command.reason);
      if (!reason.ok) return reason;
      return { ok: true, change: { status: to, escalatedAt: now, escalatedReason: reason.text } };
    }
  }
}

/**
 * May a talk be opened for an assignment in this status? Wherever the assignment's own 约谈 command is allowed
 * (everything but withdrawn) — including after it closed: a 约谈 may follow a late delivery.
 */
export function checkTalkOpenable(assignmentStatus: AssignmentStatus): { readonly ok: true } | TalkRefusal {
  if (COMMAND_ALLOWED_STATUSES.triggerTalk.includes(assignmentStatus)) return { ok: true };
  return refuseTalk('talk_assignment_not_eligible', `任务状态为“${ASSIGNMENT_STATUS_LABELS[assignmentStatus]}”，不能约谈`, { assignmentStatus });
}
