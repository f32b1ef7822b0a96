import { DIGEST_SECTION_ORDER, digestSectionRank, isDigestible, notificationKindLabel, NOTIFICATION_KINDS } from './notification-kinds';

describe('notification kinds', () => {
  it.each(['assignment.urged', 'reminder.due_soon', 'reminder.acceptance', 'reminder.progress_report', 'reminder.recurring_duty'])(
    'batches %s into the daily digest',
    (kind) => expect(isDigestible(kind)).toBe(true),
  );

  it.each([
    'assignment.talk_triggered',
    'assignment.escalated',
    'assignment.closure_rejected',
    'assignment.extension_approved',
    'assignment.extension_denied',
    'digest.daily',
    'plan.imported',
    '',
  ])('sends %p at once by default', (kind) => expect(isDigestible(kind)).toBe(false));

  it('labels kinds with their digest section, unknown ones as 其他通知', () => {
    expect(notificationKindLabel('assignment.urged')).toBe('催办');
    expect(notificationKindLabel('reminder.due_soon')).toBe('即将到期');
    expect(notificationKindLabel('assignment.escalated')).toBe('逾期');
    expect(notificationKindLabel('assignment.talk_triggered')).toBe('约谈');
    expect(notificationKindLabel('plan.imported')).toBe('其他通知');
  });

  it('orders sections by severity: 约谈, 通报, 逾期, 督办, 催办 … 即将到期, unknown last', () => {
    const ranks = ['约谈', '通报', '逾期', '督办', '催办', '即将到期', '其他通知'].map(digestSectionRank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(digestSectionRank('其他通知')).toBe(DIGEST_SECTION_ORDER.length);
  });

  it('gives every kind a label that has a place in the section order, each kind once', () => {
    for (const entry of NOTIFICATION_KINDS) expect(DIGEST_SECTION_ORDER).toContain(entry.label);
    expect(new Set(NOTIFICATION_KINDS.map((entry) => entry.kind)).size).toBe(NOTIFICATION_KINDS.length);
    expect(new Set(DIGEST_SECTION_ORDER).size).toBe(DIGEST_SECTION_ORDER.length);
  });
});
