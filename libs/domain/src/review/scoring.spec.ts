import { overdueWorkingDaysAt, type ScoredAssignment } from './scoring';

function assignment(overrides: Partial<ScoredAssignment> & { key: string }): ScoredAssignment {
  const { key: _key, ...rest } = overrides;
  return { status: 'in_progress', dueDate: '2025-06-30', completedDate: null, closureRequest: null, ...rest };
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
