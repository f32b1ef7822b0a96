import { addCalendarMonths, compareBusinessDates, daysInMonth, parseBusinessDate, type BusinessDate } from '@duban/calendar';
import type { AssignmentCommand } from '@duban/domain';

/** Who takes a step of the demo story: the assignment's unit, the 督查 office or the 牵头 coordinator. */
export type DemoRole = 'unit' | 'supervisor' | 'coordinator';

export interface DemoStep {
  readonly as: DemoRole;
  readonly command: AssignmentCommand;
}

/** What the story of one assignment depends on. */
export interface DemoSubject {
  readonly key: string;
  readonly taskTitle: string;
  readonly dueDate: BusinessDate;
}

/** The shapes a story takes, with the share of assignments (in hundredths) that get each. */
export type DemoStory =
  | 'untouched'
  | 'accepted'
  | 'reporting'
  | 'closed'
  | 'closure_requested'
  | 'closure_returned'
  | 'extended'
  | 'extension_requested'
  | 'supervised'
  | 'urged'
  | 'talk';

/**
 * Overdue assignments of old plans were mostly done or extended; a minority still lag and draw 催办, 督办
 * and the odd 约谈. Assignments still in time are mostly accepted and reporting.
 */
const OVERDUE_SHARES: readonly [DemoStory, number][] = [
  ['untouched', 5],
  ['accepted', 5],
  ['reporting', 10],
  ['closed', 38],
  ['closure_requested', 6],
  ['closure_returned', 4],
  ['extended', 16],
  ['extension_requested', 4],
  ['supervised', 6],
  ['urged', 4],
  ['talk', 2],
];
const IN_TIME_SHARES: readonly [DemoStory, number][] = [
  ['untouched', 15],
  ['accepted', 15],
  ['reporting', 40],
  ['closed', 12],
  ['closure_requested', 6],
  ['closure_returned', 3],
  ['extension_requested', 3],
  ['urged', 6],
];

/** A stable number 0–99 from the assignment key (the same story on every fresh start). */
export function demoBucket(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % 100;
}

export function demoStory(subject: DemoSubject, today: BusinessDate): DemoStory {
  const shares = compareBusinessDates(subject.dueDate, today) < 0 ? OVERDUE_SHARES : IN_TIME_SHARES;
  let bucket = demoBucket(subject.key);
  for (const [story, share] of shares) {
    if (bucket < share) return story;
    bucket -= share;
  }
  return 'reporting';
}

function endOfMonth(date: BusinessDate): BusinessDate {
  const { year, month } = parseBusinessDate(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** An extension a unit would ask for: the end of a month three to six months past the later of its deadline and today. */
export function demoExtensionDate(subject: DemoSubject, today: BusinessDate): BusinessDate {
  const from = compareBusinessDates(subject.dueDate, today) < 0 ? today : subject.dueDate;
  return endOfMonth(addCalendarMonths(from, 3 + (demoBucket(`${subject.key}#ext`) % 4)));
}

const REPORTS: readonly [number, string][] = [
  [20, '已制定工作方案，明确责任科室和时间节点，正在开展摸底调研。'],
  [45, '完成阶段性工作，召开推进会2次，形成问题清单并逐项落实。'],
  [70, '主体工作基本完成，正在组织验收准备和资料归档。'],
];
const RETURN_REASONS = ['佐证材料不全，请补充验收报告和影像资料后重新申请。', '完成情况与任务要求不符，目标值未达到，请继续推进。'];
const EXTENSION_REASONS = ['项目用地审批尚未完成，需顺延工期。', '上级资金尚未下达，设备采购推迟。', '涉及多部门协调，配套政策仍在会签。'];

/** The steps that give one assignment its story, in order (every step a legal action at that point). */
export function demoSteps(subject: DemoSubject, today: BusinessDate): DemoStep[] {
  const story = demoStory(subject, today);
  const pick = <T>(list: readonly T[], salt: string): T => list[demoBucket(`${subject.key}#${salt}`) % list.length]!;
  const reports = (count: number): DemoStep[] =>
    REPORTS.slice(0, count).map(([percent, text]) => ({ as: 'unit', command: { type: 'reportProgress', percent, text } }));
  const accept: DemoStep = { as: 'unit', command: { type: 'accept' } };
  const closure: DemoStep = { as: 'unit', command: { type: 'requestClosure', summary: `${subject.taskTitle.slice(0, 40)}已按要求完成，相关材料已归档备查。` } };
  switch (story) {
    case 'untouched':
      return [];
    case 'accepted':
      return [accept];
    case 'reporting':
      return [accept, ...reports(1 + (demoBucket(`${subject.key}#n`) % 3))];
    case 'closed':
      return [accept, ...reports(2), closure, { as: 'coordinator', command: { type: 'approveClosure', note: '材料齐全，同意销号。' } }];
    case 'closure_requested':
      return [accept, ...reports(2), closure];
    case 'closure_returned':
      return [accept, ...reports(2), closure, { as: 'coordinator', command: { type: 'rejectClosure', reason: pick(RETURN_REASONS, 'return') } }];
    case 'extended': {
      const newDueDate = demoExtensionDate(subject, today);
      return [
        accept,
        ...reports(1),
        { as: 'unit', command: { type: 'requestExtension', newDueDate, reason: pick(EXTENSION_REASONS, 'reason') } },
        { as: 'coordinator', command: { type: 'decideExtension', approve: true } },
      ];
    }
    case 'extension_requested':
      return [accept, ...reports(1), { as: 'unit', command: { type: 'requestExtension', newDueDate: demoExtensionDate(subject, today), reason: pick(EXTENSION_REASONS, 'reason') } }];
    case 'supervised':
      return [accept, ...reports(1), { as: 'supervisor', command: { type: 'urge', level: 'supervise', note: '进度明显滞后，请于5个工作日内报送整改措施。' } }];
    case 'urged':
      return [accept, { as: 'supervisor', command: { type: 'urge', level: 'urge', note: '请加快推进并按时报送进展。' } }];
    case 'talk':
      return [
        accept,
        { as: 'supervisor', command: { type: 'urge', level: 'supervise', note: '多次催办仍无实质进展。' } },
        { as: 'coordinator', command: { type: 'triggerTalk', reason: '任务逾期且多次督办后仍无实质进展，约谈单位主要负责人。' } },
      ];
  }
}
