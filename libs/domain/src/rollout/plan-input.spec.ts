import type { Plan } from '@duban/plan-parser';
import type { PlanInput } from './plan-input';
import { planRollout } from './rollout-plan';

// Compile-time guarantee: the parser's Plan can be handed to the domain as is.
function asPlanInput(plan: Plan): PlanInput {
  return plan;
}

describe('PlanInput compatibility with @duban/plan-parser', () => {
  it('accepts a parser Plan value directly', () => {
    const plan: Plan = {
      document: 'x.txt',
      title: null,
      docNumber: null,
      issuer: null,
      period: { from: 2025, to: 2026 },
      reviewMechanism: [],
      sanctions: [],
      defaultImplementers: [],
      dutyDivision: [],
      breakdowns: [],
      warnings: [],
      tasks: [
        {
          number: 1,
          label: '1.',
          section: null,
          title: '任务',
          text: '1. 任务。（市卫健委）',
          responsibleRaw: '市卫健委',
          lead: ['市卫健委'],
          units: ['市卫健委'],
          unitsResolved: ['市卫健委'],
          supporting: [],
          unitRefs: [],
          deadlines: [],
          recurring: [],
          line: 1,
        },
      ],
    };
    const rollout = planRollout(asPlanInput(plan), { planId: 'p' });
    expect(rollout.drafts.map((draft) => draft.key)).toEqual(['p/1/市卫健委/-']);
    expect(rollout.drafts[0]?.dueDate).toBe('2026-12-31');
  });
});
