import type { PlanPreview, PublishGate } from '../../api/resources/plans.api';

/**
 * Why publishing would be refused, as a list: the API's own gate (`problems`, the same list publish's 422
 * answers: unknown units, tasks without a date…), less the proposals the user has just confirmed; an older
 * API without it is read from the preview's own fields.
 */
export function publishGate(preview: PlanPreview, proposalsConfirmed: boolean): PublishGate {
  if (preview.gate) return preview.gate;
  if (preview.problems) {
    const problems = preview.problems.filter((problem) => !(proposalsConfirmed && problem.code === 'proposals_unconfirmed'));
    return { ok: problems.length === 0, problems };
  }
  const problems: PublishGate['problems'][number][] = [];
  for (const taskNumber of preview.withoutDueDate) problems.push({ code: 'no_due_date', taskNumber, message: `任务${taskNumber}没有期限，且方案未写明实施期：请编辑任务的期限，或在发布时指定默认期限` });
  if (preview.proposed.length && !proposalsConfirmed) {
    problems.push({ code: 'proposals_unconfirmed', message: `${preview.proposed.length}个责任单位是从任务正文推定的（该任务没有责任单位条款），须确认后才能发布` });
  }
  if (preview.assignments === 0 && preview.withoutDueDate.length === 0) problems.push({ code: 'no_assignments', message: '该方案不会生成任何任务：请检查任务的责任单位' });
  return { ok: problems.length === 0, problems };
}
