import { createAssignmentState, decide, type Actor } from '@duban/domain';
import { demoBucket, demoExtensionDate, demoSteps, demoStory, type DemoRole, type DemoStory } from './demo-history';

const TODAY = '2026-12-01';
const UNIT = '市卫健委';
const actors: Record<DemoRole, Actor> = {
  unit: { role: 'unit_staff', unitIds: [UNIT], id: 'staff' },
  supervisor: { role: 'supervisor', unitIds: [], id: 'supervisor' },
  coordinator: { role: 'coordinator', unitIds: [], id: 'coordinator' },
};
const keys = Array.from({ length: 2000 }, (_, i) => `plan-${i % 7}/task-${i}/${UNIT}`);
const overdue = (key: string) => ({ key, taskTitle: '推进基层医疗卫生服务能力提升', dueDate: '2025-06-30' });
const inTime = (key: string) => ({ key, taskTitle: '推进基层医疗卫生服务能力提升', dueDate: '2027-06-30' });

function shares(subject: (key: string) => { key: string; taskTitle: string; dueDate: string }): Map<DemoStory, number> {
  const counts = new Map<DemoStory, number>();
  for (const key of keys) {
    const story = demoStory(subject(key), TODAY);
    counts.set(story, (counts.get(story) ?? 0) + 1);
  }
  return new Map([...counts].map(([story, count]) => [story, count / keys.length]));
}

describe('demo history', () => {
  it('gives the same assignment the same story on every fresh start', () => {
    expect(demoBucket('plan/1/市卫健委')).toBe(demoBucket('plan/1/市卫健委'));
    expect(demoSteps(overdue('a/1'), TODAY)).toEqual(demoSteps(overdue('a/1'), TODAY));
  });

  it('spreads buckets evenly', () => {
    const counts = new Array<number>(100).fill(0);
    for (const key of keys) counts[demoBucket(key)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(5);
    expect(Math.max(...counts)).toBeLessThan(40);
  });

  it('closes or extends most overdue assignments and leaves a believable minority lagging', () => {
    const overdueShares = shares(overdue);
    expect(overdueShares.get('closed')).toBeGreaterThan(0.3);
    expect(overdueShares.get('closed')).toBeLessThan(0.46);
    expect(overdueShares.get('extended')).toBeGreaterThan(0.1);
    expect(overdueShares.get('talk')).toBeGreaterThan(0);
    expect(overdueShares.get('talk')).toBeLessThan(0.05);
    // Still lagging (red unless acted on): roughly a third.
    const lagging = ['untouched', 'accepted', 'reporting', 'closure_returned', 'extension_requested', 'supervised', 'urged', 'talk'].reduce((sum, story) => sum + (overdueShares.get(story as DemoStory) ?? 0), 0);
    expect(lagging).toBeGreaterThan(0.28);
    expect(lagging).toBeLessThan(0.5);
  });

  it('keeps most assignments still in time at work, a few closed early, none extended without asking', () => {
    const inTimeShares = shares(inTime);
    expect(inTimeShares.get('reporting')).toBeGreaterThan(0.3);
    expect(inTimeShares.get('untouched')).toBeGreaterThan(0.08);
    expect(inTimeShares.has('extended')).toBe(false);
    expect(inTimeShares.has('talk')).toBe(false);
  });

  it('asks for an extension to the end of a month 3–6 months past the later of the deadline and today', () => {
    for (const key of keys.slice(0, 50)) {
      const late = demoExtensionDate(overdue(key), TODAY);
      expect(late >= '2027-03-31' && late <= '2027-06-30').toBe(true);
      expect(late.endsWith('-31') || late.endsWith('-30') || late.endsWith('-28') || late.endsWith('-29')).toBe(true);
      const inTimeDate = demoExtensionDate(inTime(key), TODAY);
      expect(inTimeDate >= '2027-09-30' && inTimeDate <= '2027-12-31').toBe(true);
    }
  });

  // Every step of every story is a legal action by that actor at that point: the seed never fights the rules.
  it.each([
    ['overdue', overdue],
    ['in time', inTime],
  ])('plays every %s story through the domain rules without a refusal', (_name, subject) => {
    const seen = new Set<DemoStory>();
    for (const key of keys) {
      const story = demoStory(subject(key), TODAY);
      seen.add(story);
      let state = createAssignmentState({ key, unitId: UNIT, startDate: TODAY, dueDate: subject(key).dueDate });
      let now = Date.parse(`${TODAY}T02:00:00Z`);
      for (const step of demoSteps(subject(key), TODAY)) {
        now += 60_000;
        const result = decide(state, step.command, { now, actor: actors[step.as] });
        if (!result.ok) throw new Error(`${story} ${step.command.type} refused: ${result.reason}`);
        state = result.state;
      }
      const expected: Partial<Record<DemoStory, string>> = { untouched: 'pending_acceptance', closed: 'closed', closure_requested: 'closure_requested', closure_returned: 'in_progress' };
      if (expected[story]) expect(state.status).toBe(expected[story]);
      if (story === 'extended') expect(state.dueDate > TODAY).toBe(true);
      if (story === 'extension_requested') expect(state.extensionRequest).not.toBeNull();
      if (story === 'talk') expect(state.talkCount).toBe(1);
    }
    expect(seen.size).toBeGreaterThan(6);
  });
});
