import { assessUnit, assessYear, overdueWorkingDaysAt, rankUnits, type ScoredAssignment, type UnitAssessment } from './scoring';

function assignment(overrides: Partial<ScoredAssignment> & Pick<ScoredAssignment, 'key'>): ScoredAssignment {
  return {
    unitId: 'A',
    responsibility: 'lead',
    status: 'in_progress',
    dueDate: '2025-06-30',
    completedDate: null,
    closureRequest: null,
    closureRejectionCount: 0,
    bulletinCount: 0,
    talkCount: 0,
    ...overrides,
  };
}

const AS_OF = '2025-12-31';

describe('overdueWorkingDaysAt', () => {
  it('open: from the due date to the assessment date', () => {
    // (2025-06-30, 2025-07-10] = 8 working days.
    expect(overdueWorkingDaysAt(assignment({ key: 'k' }), '2025-07-10')).toBe(8);
    expect(overdueWorkingDaysAt(assignment({ key: 'k' }), '2025-06-30')).toBe(0);
  });

  it('closed: up to the completion date; awaiting verification: up to the request date', () => {
    expect(overdueWorkingDaysAt(assignment({ key: 'k', status: 'closed', completedDate: '2025-07-03' }), AS_OF)).toBe(3);
    expect(overdueWorkingDaysAt(assignment({ key: 'k', status: 'closed', completedDate: '2025-06-01' }), AS_OF)).toBe(0);
    const requested = assignment({
      key: 'k',
      status: 'closure_requested',
      closureRequest: { at: 0, date: '2025-07-02', summary: 's', evidenceLinks: [] },
    });
    expect(overdueWorkingDaysAt(requested, AS_OF)).toBe(2);
  });
});

describe('assessUnit', () => {
  it('a clean record keeps the base score and award eligibility', () => {
    const result = assessUnit('A', [assignment({ key: 'k', dueDate: '2026-06-30' })], AS_OF);
    expect(result).toMatchObject({ score: 100, deductions: 0, bonus: 0, items: [], awardEligible: true, awardIneligibleReason: null });
  });

  it('explains every point: overdue, overdue days (capped), 通报, 退回, 约谈, early closure', () => {
    const result = assessUnit(
      'A',
      [
        assignment({ key: 'a-overdue', dueDate: '2025-12-24' }), // 5 working days late → 2 + 1
        assignment({ key: 'b-long-overdue', dueDate: '2025-01-31', bulletinCount: 2, talkCount: 1 }), // days capped at 5
        assignment({ key: 'c-early', status: 'closed', dueDate: '2025-06-30', completedDate: '2025-06-02', closureRejectionCount: 1 }),
        assignment({ key: 'd-other-unit', unitId: 'B', dueDate: '2025-01-01' }),
        assignment({ key: 'e-withdrawn', status: 'withdrawn', dueDate: '2025-01-01' }),
      ],
      AS_OF,
    );
    expect(result.items).toEqual([
      { code: 'overdue_assignment', assignmentKey: 'a-overdue', points: -2, text: '逾期任务（期限2025-12-24）扣2分' },
      { code: 'overdue_days', assignmentKey: 'a-overdue', points: -1, text: '逾期5个工作日扣1分（每日0.2分，单项最多5分）' },
      { code: 'overdue_assignment', assignmentKey: 'b-long-overdue', points: -2, text: '逾期任务（期限2025-01-31）扣2分' },
      expect.objectContaining({ code: 'overdue_days', assignmentKey: 'b-long-overdue', points: -5 }),
      { code: 'bulletin', assignmentKey: 'b-long-overdue', points: -6, text: '被通报2次扣6分' },
      { code: 'talk', assignmentKey: 'b-long-overdue', points: -5, text: '被约谈1次扣5分' },
      { code: 'rejected_closure', assignmentKey: 'c-early', points: -1, text: '办结申请被退回1次扣1分' },
      expect.objectContaining({ code: 'early_closure', assignmentKey: 'c-early', points: 1 }),
    ]);
    expect(result).toMatchObject({
      score: 79, // 100 − (2+1+2+5+6+5+1) + 1
      deductions: 22,
      bonus: 1,
      awardEligible: false,
      awardIneligibleReason: '被约谈1次（达到1次），取消年终评优资格',
      counts: { assignments: 3, closed: 1, overdue: 2, bulletins: 2, talks: 1, rejectedClosures: 1, earlyClosures: 1 },
    });
  });

  it('rules are data: weights, thresholds and caps', () => {
    const records = [assignment({ key: 'x', dueDate: '2025-12-24', talkCount: 1 })];
    expect(assessUnit('A', records, AS_OF, { talksForAwardIneligibility: null }).awardEligible).toBe(true);
    expect(assessUnit('A', records, AS_OF, { talksForAwardIneligibility: 2 }).awardEligible).toBe(true);
    expect(assessUnit('A', records, AS_OF, { talkPoints: 0, overdueAssignmentPoints: 0, overdueWorkingDayPoints: 1 }).score).toBe(95);
    expect(assessUnit('A', records, AS_OF, { baseScore: 10, minScore: 0, talkPoints: 50 }).score).toBe(0);
  });

  it('weights support assignments', () => {
    const records = [assignment({ key: 'x', responsibility: 'support', dueDate: '2025-12-24' })];
    expect(assessUnit('A', records, AS_OF, { supportWeight: 0.5 }).deductions).toBe(1.5);
  });

  it('caps the early-closure bonus and needs enough working days early', () => {
    const early = (key: string, completedDate: string) =>
      assignment({ key, status: 'closed', dueDate: '2025-06-30', completedDate });
    const records = [1, 2, 3, 4, 5, 6, 7].map((n) => early(`k${n}`, '2025-05-06'));
    const result = assessUnit('A', records, AS_OF);
    expect(result.bonus).toBe(5);
    expect(result.counts.earlyClosures).toBe(7);
    // (06-23, 06-30] = 5 working days early → counts; 06-24 → only 4.
    expect(assessUnit('A', [early('a', '2025-06-23')], AS_OF).bonus).toBe(1);
    expect(assessUnit('A', [early('a', '2025-06-24')], AS_OF).bonus).toBe(0);
  });

  it('declined and reassigned assignments do not count', () => {
    const result = assessUnit(
      'A',
      [assignment({ key: 'x', status: 'declined', dueDate: '2025-01-01' }), assignment({ key: 'y', status: 'reassigned', dueDate: '2025-01-01' })],
      AS_OF,
    );
    expect(result.counts.assignments).toBe(0);
    expect(result.score).toBe(100);
  });
});

describe('rankUnits', () => {
  const unit = (unitId: string, score: number, overdue = 0, talks = 0, bulletins = 0): UnitAssessment => ({
    unitId,
    score,
    baseScore: 100,
    deductions: 100 - score,
    bonus: 0,
    items: [],
    awardEligible: true,
    awardIneligibleReason: null,
    counts: { assignments: 1, closed: 0, overdue, bulletins, talks, rejectedClosures: 0, earlyClosures: 0 },
  });

  it('orders by score, then fewer overdue, talks, bulletins, then unit id', () => {
    const ranking = rankUnits([
      unit('丙', 90),
      unit('甲', 95),
      unit('乙', 90, 1),
      unit('丁', 90, 0, 1),
      unit('戊', 90, 0, 0, 1),
      unit('B', 90),
    ]);
    expect(ranking.map((entry) => [entry.rank, entry.unitId])).toEqual([
      [1, '甲'],
      [2, 'B'],
      [3, '丙'],
      [4, '戊'],
      [5, '丁'],
      [6, '乙'],
    ]);
  });

  it('is independent of input order', () => {
    const units = [unit('x', 80), unit('y', 80), unit('z', 85)];
    const forward = rankUnits(units).map((entry) => entry.unitId);
    const backward = rankUnits([...units].reverse()).map((entry) => entry.unitId);
    expect(forward).toEqual(['z', 'x', 'y']);
    expect(backward).toEqual(forward);
  });
});

describe('assessYear', () => {
  it('scores every unit with assignments plus listed units, ranked', () => {
    const result = assessYear({
      year: 2025,
      units: ['C'],
      assignments: [
        assignment({ key: 'a1', unitId: 'A', dueDate: '2025-12-24' }),
        assignment({ key: 'b1', unitId: 'B', status: 'closed', dueDate: '2025-12-31', completedDate: '2025-11-03' }),
      ],
    });
    expect(result.asOf).toBe('2025-12-31');
    expect(result.rules.baseScore).toBe(100);
    expect(result.ranking.map((entry) => [entry.unitId, entry.score, entry.rank])).toEqual([
      ['B', 101, 1],
      ['C', 100, 2],
      ['A', 97, 3],
    ]);
  });
});
