import type { Actor } from '../assignment/actor';
import { ASSIGNMENT_STATUSES } from '../assignment/assignment-status';
import { ERROR_CATALOG } from '../errors/error-codes';
import {
  authorizeTalkAction,
  availableTalkActions,
  canReadTalk,
  checkTalkOpenable,
  checkTalkText,
  decideTalk,
  isTalkTransitionAllowed,
  TALK_ACTIONS,
  TALK_TEXT_LIMITS,
  TALK_TRANSITIONS,
  type TalkCommand,
  type TalkFacts,
} from './talk-course';
import { TALK_ACTION_LABELS, TALK_SOURCE_LABELS, TALK_STATUS_LABELS, TALK_TARGET_LABELS } from './talk-labels';
import { HELD_TALK_STATUSES, OPEN_TALK_STATUSES, TALK_SOURCES, TALK_STATUSES, TALK_TARGETS, type TalkStatus } from './talk-status';

// 2026-07-01 10:00 in Shanghai (02:00 UTC).
const NOW = Date.parse('2026-07-01T02:00:00Z');
const DAY = 86_400_000;
const UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const talk = (status: TalkStatus, extra: Partial<TalkFacts> = {}): TalkFacts => ({ status, unitId: UNIT, scheduledAt: null, heldAt: null, ...extra });
const actor = (role: Actor['role'], unitIds: string[] = []): Actor => ({ role, unitIds, id: `${role}-1` });

const schedule = (extra: Partial<Extract<TalkCommand, { action: 'schedule' }>> = {}): TalkCommand => ({
  action: 'schedule',
  at: '2026-07-03T09:30:00+08:00',
  place: '市政府 3 楼会议室',
  attendees: '市督查室主任张某；市数据局局长李某',
  talkTarget: 'principal',
  ...extra,
});
const hold = (extra: Partial<Extract<TalkCommand, { action: 'hold' }>> = {}): TalkCommand => ({
  action: 'hold',
  minutes: '指出任务逾期 20 个工作日，单位作出说明',
  demands: '7 月底前完成系统上线',
  rectifyBy: '2026-07-31',
  ...extra,
});
const SCHEDULED_TODAY = Date.parse('2026-07-01T01:00:00Z');

describe('约谈 course: vocabulary', () => {
  it('names every status, source, target and step in Chinese', () => {
    for (const status of TALK_STATUSES) expect(TALK_STATUS_LABELS[status]).toMatch(/[\u4e00-\u9fff]/);
    for (const source of TALK_SOURCES) expect(TALK_SOURCE_LABELS[source]).toMatch(/[\u4e00-\u9fff]/);
    expect(TALK_TARGETS.map((target) => TALK_TARGET_LABELS[target])).toEqual(['单位主要负责人', '分管负责人']);
    for (const action of TALK_ACTIONS) expect(TALK_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('open and held sets: a running talk is open; a talk that took place is counted; no status is both open and final', () => {
    expect(OPEN_TALK_STATUSES).toEqual(['proposed', 'scheduled', 'held', 'rectification_reported']);
    expect(HELD_TALK_STATUSES).toEqual(['held', 'rectification_reported', 'verified', 'escalated']);
  });

  it('every talk error code has a kind and a Chinese message in the catalog', () => {
    const codes = ['talk_transition_not_allowed', 'talk_version_stale', 'talk_already_open', 'talk_assignment_not_eligible', 'talk_text_required', 'talk_text_too_long', 'talk_schedule_invalid', 'talk_target_invalid', 'talk_held_at_invalid', 'talk_rectify_by_invalid'] as const;
    for (const code of codes) expect(ERROR_CATALOG[code].message).toMatch(/[\u4e00-\u9fff]/);
    expect(ERROR_CATALOG.talk_transition_not_allowed.kind).toBe('conflict');
    expect(ERROR_CATALOG.talk_version_stale.kind).toBe('conflict');
    expect(ERROR_CATALOG.talk_rectify_by_invalid.kind).toBe('unprocessable');
  });
});

describe('约谈 course: transitions', () => {
  // The whole table, written out by hand: status × step → allowed?
  const expected: Record<TalkStatus, readonly string[]> = {
    proposed: ['schedule'],
    scheduled: ['schedule', 'hold'],
    held: ['reportRectification', 'escalate'],
    rectification_reported: ['verify', 'escalate'],
    verified: [],
    escalated: [],
    cancelled: [],
  };

  it.each(TALK_STATUSES.map((status) => [status]))('from %s only the expected steps are allowed', (status) => {
    expect(TALK_ACTIONS.filter((action) => isTalkTransitionAllowed(status, action))).toEqual(expected[status]);
  });

  it('every step leads forward to its own status', () => {
    expect(Object.fromEntries(TALK_ACTIONS.map((action) => [action, TALK_TRANSITIONS[action].to]))).toEqual({
      schedule: 'scheduled',
      hold: 'held',
      reportRectification: 'rectification_reported',
      verify: 'verified',
      escalate: 'escalated',
    });
  });

  it('refuses a step the status does not allow with talk_transition_not_allowed, in Chinese, naming where it is allowed', () => {
    const refused = decideTalk(talk('proposed'), hold(), NOW);
    expect(refused).toMatchObject({ ok: false, code: 'talk_transition_not_allowed', details: { status: 'proposed', action: 'hold' } });
    expect(refused.ok === false && refused.reason).toBe('约谈当前为“待安排”，不能记录约谈（仅“已安排”时可以）');
    expect(decideTalk(talk('verified'), { action: 'escalate', reason: '整改不到位' }, NOW)).toMatchObject({ ok: false, code: 'talk_transition_not_allowed' });
    expect(decideTalk(talk('held'), { action: 'verify' }, NOW)).toMatchObject({ ok: false, code: 'talk_transition_not_allowed' });
    expect(decideTalk(talk('cancelled'), schedule(), NOW)).toMatchObject({ ok: false, code: 'talk_transition_not_allowed' });
  });

  it('checks the status before the payload (a finished talk says so, not "fill in the minutes")', () => {
    expect(decideTalk(talk('verified'), hold({ minutes: '' }), NOW)).toMatchObject({ code: 'talk_transition_not_allowed' });
  });
});

describe('约谈 course: schedule', () => {
  it('records when, where, who and whom, trimmed', () => {
    expect(decideTalk(talk('proposed'), schedule({ place: '  会议室 ', talkTarget: 'deputy' }), NOW)).toEqual({
      ok: true,
      change: { status: 'scheduled', scheduledAt: Date.parse('2026-07-03T01:30:00Z'), place: '会议室', attendees: '市督查室主任张某；市数据局局长李某', talkTarget: 'deputy' },
    });
  });

  it('allows rescheduling until the talk is held', () => {
    expect(decideTalk(talk('scheduled', { scheduledAt: SCHEDULED_TODAY }), schedule(), NOW)).toMatchObject({ ok: true, change: { status: 'scheduled' } });
  });

  it('accepts a time up to 30 days back (recording a talk already arranged) and up to 366 days ahead, nothing beyond', () => {
    expect(decideTalk(talk('proposed'), schedule({ at: new Date(NOW - 30 * DAY).toISOString() }), NOW).ok).toBe(true);
    expect(decideTalk(talk('proposed'), schedule({ at: new Date(NOW - 30 * DAY - 1000).toISOString() }), NOW)).toMatchObject({ code: 'talk_schedule_invalid' });
    expect(decideTalk(talk('proposed'), schedule({ at: new Date(NOW + 366 * DAY).toISOString() }), NOW).ok).toBe(true);
    expect(decideTalk(talk('proposed'), schedule({ at: new Date(NOW + 366 * DAY + 1000).toISOString() }), NOW)).toMatchObject({ code: 'talk_schedule_invalid' });
  });

  it.each([['2026-07-03'], ['2026-07-03 09:30'], ['2026-07-03T09:30:00'], ['2026-02-30T09:30:00Z'], ['明天上午']])('refuses the time %s (no date-only, no zone-less, no impossible date)', (at) => {
    expect(decideTalk(talk('proposed'), schedule({ at }), NOW)).toMatchObject({ ok: false, code: 'talk_schedule_invalid', details: { field: 'at' } });
  });

  it('needs who is talked to: the principal or the responsible deputy', () => {
    const refused = decideTalk(talk('proposed'), schedule({ talkTarget: 'director' }), NOW);
    expect(refused).toMatchObject({ ok: false, code: 'talk_target_invalid' });
    expect(refused.ok === false && refused.reason).toContain('单位主要负责人');
  });

  it('needs a place and attendees within their limits', () => {
    expect(decideTalk(talk('proposed'), schedule({ place: '   ' }), NOW)).toMatchObject({ code: 'talk_text_required', reason: '请填写约谈地点', details: { field: 'place' } });
    expect(decideTalk(talk('proposed'), schedule({ attendees: '' }), NOW)).toMatchObject({ code: 'talk_text_required', reason: '请填写参加人员' });
    expect(decideTalk(talk('proposed'), schedule({ place: '会'.repeat(201) }), NOW)).toMatchObject({ code: 'talk_text_too_long', reason: '约谈地点不能超过 200 字（现为 201 字）' });
    expect(decideTalk(talk('proposed'), schedule({ place: '会'.repeat(200) }), NOW).ok).toBe(true);
  });
});

describe('约谈 course: hold', () => {
  const scheduled = talk('scheduled', { scheduledAt: SCHEDULED_TODAY });

  it('records minutes, demands and the rectification deadline; held now by default', () => {
    expect(decideTalk(scheduled, hold(), NOW)).toEqual({
      ok: true,
      change: { status: 'held', heldAt: NOW, minutes: '指出任务逾期 20 个工作日，单位作出说明', demands: '7 月底前完成系统上线', rectifyBy: '2026-07-31' },
    });
  });

  it('takes an earlier held time (recorded afterwards) but not one in the future', () => {
    const earlier = talk('scheduled', { scheduledAt: Date.parse('2026-06-20T01:00:00Z') });
    expect(decideTalk(earlier, hold({ heldAt: '2026-06-20T10:00:00+08:00' }), NOW)).toMatchObject({ ok: true, change: { heldAt: Date.parse('2026-06-20T02:00:00Z') } });
    expect(decideTalk(scheduled, hold({ heldAt: '2026-07-02T10:00:00+08:00' }), NOW)).toMatchObject({ code: 'talk_held_at_invalid', reason: '约谈尚未举行，不能记录（约谈时间晚于现在）' });
    expect(decideTalk(scheduled, hold({ heldAt: 'yesterday' }), NOW)).toMatchObject({ code: 'talk_held_at_invalid' });
  });

  it('refuses a talk held before the day it was arranged for (reschedule first)', () => {
    const nextWeek = talk('scheduled', { scheduledAt: Date.parse('2026-07-08T01:00:00Z') });
    const refused = decideTalk(nextWeek, hold(), NOW);
    expect(refused).toMatchObject({ ok: false, code: 'talk_held_at_invalid' });
    expect(refused.ok === false && refused.reason).toContain('约谈安排在 2026-07-08');
    // Earlier the same Shanghai day is fine: arranged for 17:00, held at 10:00 the same day.
    expect(decideTalk(talk('scheduled', { scheduledAt: Date.parse('2026-07-01T09:00:00Z') }), hold(), NOW).ok).toBe(true);
  });

  it('needs the rectification deadline after the held date (Shanghai) and within a year', () => {
    expect(decideTalk(scheduled, hold({ rectifyBy: '2026-07-01' }), NOW)).toMatchObject({ code: 'talk_rectify_by_invalid', reason: '整改期限须晚于约谈日期（2026年7月1日）' });
    expect(decideTalk(scheduled, hold({ rectifyBy: '2026-06-30' }), NOW)).toMatchObject({ code: 'talk_rectify_by_invalid' });
    expect(decideTalk(scheduled, hold({ rectifyBy: '2026-07-02' }), NOW).ok).toBe(true);
    expect(decideTalk(scheduled, hold({ rectifyBy: '2027-07-02' }), NOW).ok).toBe(true);
    expect(decideTalk(scheduled, hold({ rectifyBy: '2027-07-03' }), NOW)).toMatchObject({ code: 'talk_rectify_by_invalid', reason: '整改期限不能晚于2027年7月2日' });
    expect(decideTalk(scheduled, hold({ rectifyBy: '2026-02-30' }), NOW)).toMatchObject({ code: 'talk_rectify_by_invalid', reason: '整改期限无效，应为 YYYY-MM-DD 日期' });
    // Held at 23:30 Shanghai on 06-30 (15:30 UTC): the held date is 06-30, so 07-01 is after it.
    const late = talk('scheduled', { scheduledAt: Date.parse('2026-06-30T01:00:00Z') });
    expect(decideTalk(late, hold({ heldAt: '2026-06-30T15:30:00Z', rectifyBy: '2026-07-01' }), NOW).ok).toBe(true);
  });

  it('needs minutes and demands', () => {
    expect(decideTalk(scheduled, hold({ minutes: ' ' }), NOW)).toMatchObject({ code: 'talk_text_required', reason: '请填写约谈记录' });
    expect(decideTalk(scheduled, hold({ demands: '' }), NOW)).toMatchObject({ code: 'talk_text_required', reason: '请填写整改要求' });
    expect(decideTalk(scheduled, hold({ demands: '要'.repeat(TALK_TEXT_LIMITS.demands + 1) }), NOW)).toMatchObject({ code: 'talk_text_too_long' });
  });
});

describe('约谈 course: rectification, verification, escalation', () => {
  it('a reported rectification keeps its text and time', () => {
    expect(decideTalk(talk('held'), { action: 'reportRectification', text: ' 系统已于 7 月 20 日上线 ' }, NOW)).toEqual({
      ok: true,
      change: { status: 'rectification_reported', rectification: '系统已于 7 月 20 日上线', rectificationReportedAt: NOW },
    });
    expect(decideTalk(talk('held'), { action: 'reportRectification', text: '' }, NOW)).toMatchObject({ code: 'talk_text_required', reason: '请填写整改情况' });
  });

  it('verification closes the course', () => {
    expect(decideTalk(talk('rectification_reported'), { action: 'verify' }, NOW)).toEqual({ ok: true, change: { status: 'verified', verifiedAt: NOW } });
  });

  it('escalation needs a reason, from held (no rectification) or reported (inadequate)', () => {
    for (const status of ['held', 'rectification_reported'] as const) {
      expect(decideTalk(talk(status), { action: 'escalate', reason: '逾期未整改' }, NOW)).toEqual({ ok: true, change: { status: 'escalated', escalatedAt: NOW, escalatedReason: '逾期未整改' } });
    }
    expect(decideTalk(talk('held'), { action: 'escalate', reason: '  ' }, NOW)).toMatchObject({ code: 'talk_text_required', reason: '请填写升级理由' });
  });

  it('checkTalkText refuses a non-string', () => {
    expect(checkTalkText('reason', 42)).toMatchObject({ ok: false, code: 'talk_text_required', reason: '请填写约谈事由' });
    expect(checkTalkText('reason', '事由')).toEqual({ ok: true, text: '事由' });
  });
});

describe('约谈 course: who may do what', () => {
  const held = talk('held');

  it('coordinators and administrators take every step; supervisors none', () => {
    for (const action of TALK_ACTIONS) {
      expect(authorizeTalkAction(actor('coordinator'), held, action)).toEqual({ ok: true });
      expect(authorizeTalkAction(actor('admin'), held, action)).toEqual({ ok: true });
      expect(authorizeTalkAction(actor('supervisor'), held, action)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('a unit’s staff report the rectification of their own unit’s talk, nothing else', () => {
    expect(authorizeTalkAction(actor('unit_staff', [UNIT]), held, 'reportRectification')).toEqual({ ok: true });
    expect(authorizeTalkAction(actor('unit_staff', [OTHER]), held, 'reportRectification')).toEqual({ ok: false, code: 'wrong_unit', reason: '只能办理本单位的约谈' });
    expect(authorizeTalkAction(actor('unit_staff', [UNIT]), talk('held', { unitId: null }), 'reportRectification')).toMatchObject({ code: 'wrong_unit' });
    const refused = authorizeTalkAction(actor('unit_staff', [UNIT]), held, 'verify');
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(refused.ok === false && refused.reason).toBe('责任单位经办人无权验收整改（需要“生成、编辑和发布通报与考核”权限）');
  });

  it('the system actor takes no step', () => {
    for (const action of TALK_ACTIONS) expect(authorizeTalkAction(actor('system'), held, action).ok).toBe(false);
  });

  it('reads: supervisors, coordinators and administrators every talk; unit staff their own units’ only', () => {
    for (const role of ['supervisor', 'coordinator', 'admin'] as const) expect(canReadTalk(actor(role), held)).toBe(true);
    expect(canReadTalk(actor('unit_staff', [UNIT]), held)).toBe(true);
    expect(canReadTalk(actor('unit_staff', [OTHER]), held)).toBe(false);
    expect(canReadTalk(actor('system'), held)).toBe(false);
  });

  it('lists the steps an actor may take now', () => {
    expect(availableTalkActions(actor('coordinator'), talk('proposed'))).toEqual(['schedule']);
    expect(availableTalkActions(actor('coordinator'), talk('held'))).toEqual(['reportRectification', 'escalate']);
    expect(availableTalkActions(actor('unit_staff', [UNIT]), talk('held'))).toEqual(['reportRectification']);
    expect(availableTalkActions(actor('unit_staff', [UNIT]), talk('rectification_reported'))).toEqual([]);
    expect(availableTalkActions(actor('supervisor'), talk('held'))).toEqual([]);
    expect(availableTalkActions(actor('coordinator'), talk('verified'))).toEqual([]);
  });
});

describe('opening a talk for an assignment', () => {
  it('is allowed in every status but withdrawn — also after the assignment closed', () => {
    expect(ASSIGNMENT_STATUSES.filter((status) => checkTalkOpenable(status).ok)).toEqual(['pending_acceptance', 'in_progress', 'closure_requested', 'closed', 'declined', 'reassigned']);
    expect(checkTalkOpenable('withdrawn')).toEqual({ ok: false, code: 'talk_assignment_not_eligible', reason: '任务状态为“已撤销”，不能约谈', details: { assignmentStatus: 'withdrawn' } });
  });
});
