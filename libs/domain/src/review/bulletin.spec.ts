import { halfYearPeriod } from '@duban/calendar';
import { buildBulletin } from './bulletin';
import { at, stateIn } from '../testing/test-fixtures';

const H1 = halfYearPeriod(2025, 1);

describe('buildBulletin (半年通报)', () => {
  const onTrack = stateIn('in_progress', {
    key: 'on-track',
    dueDate: '2025-12-31',
    dueAt: Date.parse('2026-01-01T00:00:00+08:00'),
    lastReport: { at: at('2025-06-20'), percent: 60, actualValue: null },
  });
  // Due 2025-05-30 (Fri): at 06-30 it is (05-30, 06-30] = 20 working days late (Dragon Boat 05-31..06-02 off).
  const longOverdue = stateIn('in_progress', {
    key: 'long-overdue',
    unitId: '市财政局',
    dueDate: '2025-05-30',
    dueAt: Date.parse('2025-05-31T00:00:00+08:00'),
  });
  // Due 06-20: 6 working days late by 06-30, reached 督办 only.
  const recentOverdue = stateIn('in_progress', {
    key: 'recent-overdue',
    dueDate: '2025-06-20',
    dueAt: Date.parse('2025-06-21T00:00:00+08:00'),
    reachedLevels: ['urge', 'supervise'],
  });
  const closed = stateIn('closed', { key: 'closed' });

  const bulletin = buildBulletin({ period: H1, assignments: [onTrack, longOverdue, recentOverdue, closed] });

  it('is dated the period end by default', () => {
    expect(bulletin.asOf).toBe('2025-06-30');
    expect(bulletin.period).toEqual(H1);
  });

  it('lists overdue assignments, most overdue first', () => {
    expect(bulletin.overdue).toEqual([
      { assignmentKey: 'long-overdue', unitId: '市财政局', dueDate: '2025-05-30', overdueWorkingDays: 20 },
      { assignmentKey: 'recent-overdue', unitId: '市卫健委', dueDate: '2025-06-20', overdueWorkingDays: 6 },
    ]);
  });

  it('names as 通报 candidates those past the ladder’s 通报 step (by schedule or recorded level)', () => {
    expect(bulletin.bulletinCandidates.map((entry) => entry.assignmentKey)).toEqual(['long-overdue']);
    const recorded = buildBulletin({
      period: H1,
      assignments: [{ ...recentOverdue, reachedLevels: ['urge', 'supervise', 'bulletin'] }],
    });
    expect(recorded.bulletinCandidates.map((entry) => entry.assignmentKey)).toEqual(['recent-overdue']);
  });

  it('counts lights per unit, in unit order', () => {
    expect(bulletin.perUnit).toEqual([
      { unitId: '市卫健委', total: 3, red: 1, yellow: 0, green: 1, neutral: 1, overdue: 1, bulletinCandidates: 0 },
      { unitId: '市财政局', total: 1, red: 1, yellow: 0, green: 0, neutral: 0, overdue: 1, bulletinCandidates: 1 },
    ]);
  });

  it('can be dated earlier than the period end', () => {
    const early = buildBulletin({ period: H1, asOf: '2025-06-01', assignments: [longOverdue, recentOverdue] });
    expect(early.overdue.map((entry) => entry.assignmentKey)).toEqual(['long-overdue']);
    expect(early.bulletinCandidates).toEqual([]);
  });
});
