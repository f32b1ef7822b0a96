import { createAssignmentState, milestonesPastAtIssue } from './assignment-state';

describe('milestones already past when an assignment is issued', () => {
  const milestones = [
    { due: '2026-03-31', text: '一季度末前制定方案' },
    { due: '2026-12-01', text: '当日完成' },
    { due: '2026-12-31', text: '年底前完成' },
    { due: '2027-06-30', text: '全面完成' },
  ];

  it('keeps the interim ones strictly before the issue date', () => {
    expect(milestonesPastAtIssue(milestones, '2026-12-01', '2027-06-30')).toEqual([{ due: '2026-03-31', text: '一季度末前制定方案' }]);
  });

  it('never counts the final due date as an interim milestone', () => {
    expect(milestonesPastAtIssue([{ due: '2026-03-31', text: '完成' }], '2026-12-01', '2026-03-31')).toEqual([]);
  });

  it('records them on the new state, and nothing when none is past', () => {
    const state = createAssignmentState({ key: 'k', unitId: '市卫健委', startDate: '2026-12-01', dueDate: '2027-06-30', milestones });
    expect(state.pastMilestones).toEqual([{ due: '2026-03-31', text: '一季度末前制定方案' }]);
    expect('pastMilestones' in createAssignmentState({ key: 'k', unitId: '市卫健委', startDate: '2026-01-05', dueDate: '2027-06-30', milestones })).toBe(false);
  });
});
