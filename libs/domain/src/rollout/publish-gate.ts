import type { PlanUnitResolution } from '../organisation/plan-unit-resolution';
import type { Rollout } from './rollout-plan';

export type PublishProblemCode =
  | 'jurisdiction_unconfirmed'
  | 'unit_unresolved'
  | 'collective_unexpanded'
  | 'task_without_unit'
  | 'task_without_due_date'
  | 'due_date_defaulted'
  | 'proposals_unconfirmed';

export interface PublishProblem {
  readonly code: PublishProblemCode;
  /** Chinese, for the coordinator. */
  readonly message: string;
  readonly taskNumber?: number;
  readonly printedName?: string;
}

export interface PublishGateInput {
  readonly jurisdictionId: string | null;
  readonly resolutions: readonly PlanUnitResolution[];
  readonly rollout: Rollout;
  /** A coordinator confirmed the units proposed for tasks without a responsibility clause. */
  readonly proposalsConfirmed: boolean;
  /** A coordinator set a default due date, or accepted the plan period's end for tasks that print none. */
  readonly dueDateDefaultAccepted: boolean;
}

const taskList = (numbers: readonly number[]): string => numbers.filter((number) => number > 0).map((number) => `第${number}项`).join('、') || '全部任务';

/**
 * What stops a plan from being published — every problem at once, in Chinese: no confirmed jurisdiction; a
 * printed name the directory does not place (unknown, only suggested, or a collective with no districts); a
 * task without a responsible unit or a due date; a due date taken from the plan's end that nobody accepted;
 * proposed units nobody confirmed. Empty = publishable. Preview warnings and the gate come from the same rollout.
 */
export function publishProblems(input: PublishGateInput): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (input.jurisdictionId === null) {
    problems.push({ code: 'jurisdiction_unconfirmed', message: '计划所属辖区（市）尚未确认，无法匹配责任单位，请在草稿中确认辖区' });
  }
  for (const resolution of input.resolutions) {
    if (resolution.status === 'unknown' || resolution.status === 'suggested') {
      const hint = resolution.suggestions[0] ? `，可能是“${resolution.suggestions[0].unitName}”（${resolution.suggestions[0].reason}）` : '';
      problems.push({
        code: 'unit_unresolved',
        printedName: resolution.printedName,
        ...(resolution.taskNumbers[0] ? { taskNumber: resolution.taskNumbers[0] } : {}),
        message: `${taskList(resolution.taskNumbers)}任务的责任单位“${resolution.printedName}”未在单位目录中确定${hint}；请映射到已有单位或新建单位`,
      });
    } else if (resolution.status === 'collective' && (resolution.expandsTo ?? []).length === 0) {
      problems.push({
        code: 'collective_unexpanded',
        printedName: resolution.printedName,
        ...(resolution.taskNumbers[0] ? { taskNumber: resolution.taskNumbers[0] } : {}),
        message: `${taskList(resolution.taskNumbers)}任务的“${resolution.printedName}”是集合单位，但计划辖区没有可分解的区县，请确认辖区或映射到具体单位`,
      });
    }
  }
  for (const warning of input.rollout.warnings) {
    if (warning.code === 'no_units') problems.push({ code: 'task_without_unit', taskNumber: warning.taskNumber, message: `第${warning.taskNumber}项任务没有责任单位，请在草稿中指定` });
    if (warning.code === 'no_due_date') problems.push({ code: 'task_without_due_date', taskNumber: warning.taskNumber, message: `第${warning.taskNumber}项任务没有完成期限，方案也无实施期，请设定期限或默认期限` });
  }
  const tasksOf = (predicate: (draft: Rollout['drafts'][number]) => boolean): number[] =>
    [...new Set(input.rollout.drafts.filter(predicate).map((draft) => draft.taskNumber ?? 0))].filter((number) => number > 0).sort((a, b) => a - b);
  if (!input.dueDateDefaultAccepted) {
    for (const taskNumber of tasksOf((draft) => draft.kind === 'task' && draft.milestones.length > 0 && draft.milestones.every((milestone) => milestone.source === 'plan_period'))) {
      problems.push({ code: 'due_date_defaulted', taskNumber, message: `第${taskNumber}项任务未写明期限，将以方案实施期末为期限；请设定期限或确认采用实施期末` });
    }
  }
  if (!input.proposalsConfirmed) {
    for (const taskNumber of tasksOf((draft) => draft.proposed)) {
      problems.push({ code: 'proposals_unconfirmed', taskNumber, message: `第${taskNumber}项任务没有责任条款，其责任单位系推断得出，需协调人确认` });
    }
  }
  return problems;
}
