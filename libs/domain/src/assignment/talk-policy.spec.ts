import { checkTalk, isTalkDue } from './talk-policy';
import { at, stateIn } from '../testing/test-fixtures';

// Fixture: due 2025-06-30, so 2025-07-10 is overdue and 2025-03-01 is not.
describe('约谈 policy', () => {
  it('is due when the assignment is overdue', () => {
    expect(isTalkDue(stateIn('in_progress'), at('2025-07-10'))).toBe(true);
    expect(checkTalk(stateIn('in_progress'), at('2025-07-10'))).toEqual({ ok: true, override: null });
  });

  it('is due when the ladder proposed a 约谈 or reached the 约谈 level', () => {
    expect(isTalkDue(stateIn('in_progress', { talkProposed: true }), at('2025-03-01'))).toBe(true);
    expect(isTalkDue(stateIn('in_progress', { reachedLevels: ['urge', 'supervise', 'bulletin', 'talk'] }), at('2025-03-01'))).toBe(true);
  });

  it('refuses a 约谈 on a green assignment not yet due, naming the way out', () => {
    const refused = checkTalk(stateIn('in_progress'), at('2025-03-01'));
    expect(refused).toMatchObject({ ok: false, code: 'talk_not_due' });
    expect(refused.ok === false && refused.reason).toContain('办理期限2025年6月30日');
    // Chinese for every shell (console, CLI, API), no field names.
    expect(refused.ok === false && refused.reason).toContain('确需约谈须说明破例约谈的理由');
    expect(refused.ok === false && refused.reason).not.toMatch(/[A-Za-z]/);
    expect(checkTalk(stateIn('in_progress'), at('2025-03-01'), '   ')).toMatchObject({ ok: false, code: 'talk_not_due' });
  });

  it('accepts it with an explicit override reason, which it returns trimmed', () => {
    expect(checkTalk(stateIn('in_progress'), at('2025-03-01'), ' 群众反映强烈，提前约谈 ')).toEqual({ ok: true, override: '群众反映强烈，提前约谈' });
  });

  it('is due after a late closure, not after one on time', () => {
    const request = { at: at('2025-07-02'), date: '2025-07-02', summary: '已完成', evidenceLinks: [] };
    expect(isTalkDue(stateIn('closed', { closureRequest: request, completedDate: '2025-07-02' }), at('2025-08-01'))).toBe(true);
    expect(isTalkDue(stateIn('closed'), at('2025-08-01'))).toBe(false);
  });

  it('counts a closure requested after the deadline as overdue (due), one before it as not', () => {
    const late = stateIn('closure_requested', { closureRequest: { at: at('2025-07-02'), date: '2025-07-02', summary: '已完成', evidenceLinks: [] } });
    expect(isTalkDue(late, at('2025-07-10'))).toBe(true);
    expect(isTalkDue(stateIn('closure_requested'), at('2025-07-10'))).toBe(false);
  });
});
