import { compareBusinessDates, isValidBusinessDate, type BusinessDate } from '@duban/calendar';
import { assignmentKey, assignmentWorkflowId } from '../assignment/assignment-key';
import type { Responsibility } from '../assignment/assignment-state';
import { districtsOf, isCollectiveUnit, unitForRegion, type DistrictDirectory } from '../organisation/collective-units';
import type { PlanBreakdownInput, PlanInput, PlanTaskInput } from './plan-input';
import type { RecurringObligation } from '../escalation/reminders';
import { parseRecurrence } from '../escalation/report-cadence';
import { dutyFitReason, dutyFits, fits, mentionedReason } from './duty-fit';

export interface RolloutOptions {
  readonly planId: string;
  /** Districts for collective units (各区人民政府 → one assignment per district) and breakdown regions. */
  readonly directory?: DistrictDirectory;
  /** Links a breakdown table to a task number, so its region targets join that task's assignments. */
  readonly breakdownTasks?: Readonly<Record<string, number>>;
  /** Due date used when neither a task deadline nor the plan period gives one. */
  readonly defaultDueDate?: BusinessDate;
}

export type MilestoneSource = 'deadline' | 'plan_period' | 'default' | 'breakdown';

export interface MilestoneDraft {
  readonly due: BusinessDate;
  readonly text: string;
  readonly source: MilestoneSource;
}

export interface TargetDraft {
  readonly table: string;
  readonly region: string;
  readonly metric: string;
  readonly year: number;
  readonly value: number;
}

/** Where a unit came from: the task's clause, the plan-wide implementers, or a proposal. */
export type UnitSource = 'clause' | 'default_implementer' | 'mentioned' | 'duty_division' | 'breakdown';

export interface AssignmentDraft {
  readonly key: string;
  readonly workflowId: string;
  readonly planId: string;
  /** 'task' from a numbered task; 'target' from a breakdown table not linked to a task. */
  readonly kind: 'task' | 'target';
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly breakdownTable: string | null;
  readonly unitName: string;
  readonly responsibility: Responsibility;
  readonly region: string | null;
  /** The collective unit (e.g. 各区人民政府) this district assignment was expanded from. */
  readonly expandedFrom: string | null;
  /** A collective unit the directory did not list: kept as one assignment. */
  readonly unexpanded: boolean;
  /** Inferred (mentioned units / 职责分工), to be confirmed by a coordinator before publishing. */
  readonly proposed: boolean;
  readonly source: UnitSource;
  /** Why a proposed unit was proposed (Chinese), null for units the plan names in a clause. */
  readonly proposalReason: string | null;
  /** The last milestone's date; null when no date could be found (see warnings). */
  readonly dueDate: BusinessDate | null;
  readonly milestones: readonly MilestoneDraft[];
  readonly targets: readonly TargetDraft[];
  readonly recurring: readonly RecurringObligation[];
}

export type RolloutWarning =
  | { readonly code: 'no_units'; readonly taskNumber: number; readonly text: string }
  | { readonly code: 'no_due_date'; readonly taskNumber: number; readonly text: string }
  | { readonly code: 'unknown_recurrence'; readonly taskNumber: number; readonly every: string; readonly text: string }
  | { readonly code: 'duplicate_task_number'; readonly taskNumber: number; readonly taskRef: string; readonly text: string }
  | { readonly code: 'region_unit_unresolved'; readonly region: string; readonly text: string }
  | { readonly code: 'invalid_deadline'; readonly taskNumber: number; readonly due: string; readonly text: string };

export interface Rollout {
  readonly planId: string;
  readonly drafts: readonly AssignmentDraft[];
  readonly warnings: readonly RolloutWarning[];
}

interface UnitCandidate {
  readonly unitName: string;
  readonly responsibility: Responsibility;
  readonly proposed: boolean;
  readonly source: UnitSource;
  readonly reason?: string;
}

/** Merges repeated units keeping first position: lead wins over support, confirmed over proposed. */
function mergeCandidates(candidates: readonly UnitCandidate[]): UnitCandidate[] {
  const merged = new Map<string, UnitCandidate>();
  for (const candidate of candidates) {
    const existing = merged.get(candidate.unitName);
    if (existing === undefined) {
      merged.set(candidate.unitName, candidate);
      continue;
    }
    const confirmed = !existing.proposed ? existing : !candidate.proposed ? candidate : existing;
    const proposed = existing.proposed && candidate.proposed;
    const reasons = [existing.reason, candidate.reason].filter((reason): reason is string => reason !== undefined);
    merged.set(candidate.unitName, {
      unitName: candidate.unitName,
      responsibility: existing.responsibility === 'lead' || candidate.responsibility === 'lead' ? 'lead' : 'support',
      proposed,
      source: confirmed.source,
      ...(proposed && reasons.length ? { reason: [...new Set(reasons)].join('；') } : {}),
    });
  }
  return [...merged.values()];
}

/** The task's clause units, full names, with lead fragments mapped onto their resolved names. */
function clauseUnits(task: PlanTaskInput): UnitCandidate[] {
  const printed = task.units;
  const resolved = task.unitsResolved && task.unitsResolved.length === printed.length ? task.unitsResolved : printed;
  const leads = new Set(
    task.lead.map((lead) => {
      if (resolved.includes(lead)) return lead;
      const index = printed.indexOf(lead);
      return index >= 0 ? (resolved[index] as string) : lead;
    }),
  );
  const names = [...leads].filter((lead) => !resolved.includes(lead)).concat(resolved);
  return names
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map((unitName) => ({
      unitName,
      responsibility: leads.has(unitName) ? 'lead' : 'support',
      proposed: false,
      source: 'clause',
    }));
}

/** The text a task is judged by: its title and full text. */
export function taskTextOf(task: PlanTaskInput): string {
  return `${task.title}\n${task.text ?? ''}`;
}

/**
 * Proposals for a task without a clause, each with its reason: the units its own text mentions, and a 职责分工
 * unit only where its stated duty fits the task (duty-fit.ts: a distinctive shared term, a 总牵头 of the whole
 * plan, or a duty over the document as a whole). The lead: the 总牵头, else the unit whose duty covers the whole
 * document, else the first mentioned unit, else the first fitting duty. A task nothing fits gets no proposal (the
 * no_units warning asks the coordinator to choose), never every department.
 */
function proposedUnits(task: PlanTaskInput, plan: PlanInput, planTaskTexts: readonly string[]): UnitCandidate[] {
  const mentioned = (task.mentionedUnits ?? []).map((name) => name.trim()).filter((name) => name.length > 0);
  const duties = (plan.dutyDivision ?? []).filter((entry) => entry.unit.trim().length > 0);
  const fitting = dutyFits(taskTextOf(task), duties, planTaskTexts).filter(fits);
  const lead = fitting.find((fit) => fit.overallLead)?.unit ?? fitting.find((fit) => fit.planWide)?.unit ?? mentioned[0] ?? fitting[0]?.unit;
  return [
    ...mentioned.map((unitName): UnitCandidate => ({ unitName, responsibility: unitName === lead ? 'lead' : 'support', proposed: true, source: 'mentioned', reason: mentionedReason(unitName) })),
    ...fitting.map((fit): UnitCandidate => ({ unitName: fit.unit, responsibility: fit.unit === lead ? 'lead' : 'support', proposed: true, source: 'duty_division', reason: dutyFitReason(fit) })),
  ];
}

/** The names proposed for a task without a clause (the organisation directory resolves exactly these). */
export function proposedUnitNames(task: PlanTaskInput, plan: PlanInput, planTaskTexts: readonly string[] = plan.tasks.map(taskTextOf)): string[] {
  return proposedUnits(task, plan, planTaskTexts).map((candidate) => candidate.unitName);
}

function taskMilestones(
  task: PlanTaskInput,
  plan: PlanInput,
  options: RolloutOptions,
  warnings: RolloutWarning[],
): MilestoneDraft[] {
  const seen = new Set<string>();
  const milestones: MilestoneDraft[] = [];
  for (const deadline of task.deadlines) {
    if (!isValidBusinessDate(deadline.due)) {
      warnings.push({
        code: 'invalid_deadline',
        taskNumber: task.number,
        due: String(deadline.due),
        text: `任务${task.number}的期限“${String(deadline.due)}”不是有效日期，已忽略`,
      });
      continue;
    }
    const id = `${deadline.due}\u0000${deadline.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    milestones.push({ due: deadline.due, text: deadline.text, source: 'deadline' });
  }
  if (milestones.length > 0) {
    // Stable sort: same-date milestones keep document order.
    return milestones.sort((a, b) => compareBusinessDates(a.due, b.due));
  }
  if (plan.period) {
    return [{ due: `${plan.period.to}-12-31`, text: `方案实施期末（${plan.period.to}年底）`, source: 'plan_period' }];
  }
  if (options.defaultDueDate !== undefined) {
    return [{ due: options.defaultDueDate, text: '默认办理期限', source: 'default' }];
  }
  warnings.push({ code: 'no_due_date', taskNumber: task.number, text: `任务${task.number}没有期限，方案也无实施期，请协调人设定` });
  return [];
}

function targetMilestones(targets: readonly TargetDraft[]): MilestoneDraft[] {
  const years = [...new Set(targets.map((target) => target.year))].sort((a, b) => a - b);
  return years.map((year) => ({
    due: `${year}-12-31`,
    text: `${year}年目标：${targets
      .filter((target) => target.year === year)
      .map((target) => `${target.metric} ${target.value}`)
      .join('；')}`,
    source: 'breakdown' as const,
  }));
}

function lastDue(milestones: readonly MilestoneDraft[]): BusinessDate | null {
  return milestones.reduce<BusinessDate | null>(
    (latest, milestone) => (latest === null || compareBusinessDates(milestone.due, latest) > 0 ? milestone.due : latest),
    null,
  );
}

function groupBreakdowns(breakdowns: readonly PlanBreakdownInput[]): Map<string, Map<string, TargetDraft[]>> {
  const byTable = new Map<string, Map<string, TargetDraft[]>>();
  for (const cell of breakdowns) {
    const byRegion = byTable.get(cell.table) ?? new Map<string, TargetDraft[]>();
    byTable.set(cell.table, byRegion);
    const targets = byRegion.get(cell.region) ?? [];
    byRegion.set(cell.region, targets);
    targets.push({ table: cell.table, region: cell.region, metric: cell.metric, year: cell.year, value: cell.value });
  }
  return byTable;
}

/**
 * The assignment drafts a published plan produces — pure and deterministic (same plan and options,
 * same drafts in the same order). Rules (see README):
 * 1. one draft per task × unit: clause units (lead 牵头 / support 配合), plus defaultImplementers as support;
 * 2. a task without a clause takes its mentionedUnits and the 职责分工 units whose duty fits it (duty-fit.ts) as
 *    proposals (`proposed: true`, each with its reason);
 * 3. repeated units merge (lead wins);
 * 4. collective units expand to one draft per district when the directory lists them, else stay one
 *    draft flagged `unexpanded`;
 * 5. milestones from the task's deadlines; none → the plan period's end (period.to-12-31);
 * 6. breakdown cells become numeric targets per region: on the linked task's district draft when
 *    `breakdownTasks` links the table and the region matches, else on a target draft per table × region;
 * 7. recurring duties become recurring report obligations on every draft of the task.
 */
export function planRollout(plan: PlanInput, options: RolloutOptions): Rollout {
  const warnings: RolloutWarning[] = [];
  const drafts: AssignmentDraft[] = [];
  const draftIndexByKey = new Map<string, number>();
  const breakdownsByTable = groupBreakdowns(plan.breakdowns ?? []);
  const usedTaskRefs = new Map<number, number>();
  const linkedTables = new Map<number, string[]>();
  for (const [table, taskNumber] of Object.entries(options.breakdownTasks ?? {})) {
    if (breakdownsByTable.has(table)) linkedTables.set(taskNumber, [...(linkedTables.get(taskNumber) ?? []), table]);
  }
  const consumedTargets = new Set<string>(); // `${table}\u0000${region}` attached to a task draft
  const planTaskTexts = plan.tasks.map(taskTextOf);

  function addDraft(draft: Omit<AssignmentDraft, 'workflowId'>): void {
    const existingIndex = draftIndexByKey.get(draft.key);
    if (existingIndex !== undefined) {
      // Two routes to the same unit and region (e.g. a district listed directly and via 各区): lead wins.
      const existing = drafts[existingIndex] as AssignmentDraft;
      drafts[existingIndex] = {
        ...existing,
        responsibility: existing.responsibility === 'lead' || draft.responsibility === 'lead' ? 'lead' : 'support',
        proposed: existing.proposed && draft.proposed,
      };
      return;
    }
    draftIndexByKey.set(draft.key, drafts.length);
    drafts.push({ ...draft, workflowId: assignmentWorkflowId(draft.key) });
  }

  for (const task of plan.tasks) {
    const occurrence = (usedTaskRefs.get(task.number) ?? 0) + 1;
    usedTaskRefs.set(task.number, occurrence);
    const taskRef = occurrence === 1 ? String(task.number) : `${task.number}-${occurrence}`;
    if (occurrence > 1) {
      warnings.push({
        code: 'duplicate_task_number',
        taskNumber: task.number,
        taskRef,
        text: `任务编号${task.number}重复，第${occurrence}个记为${taskRef}`,
      });
    }

    const fromClause = clauseUnits(task);
    const defaults: UnitCandidate[] = (plan.defaultImplementers ?? [])
      .map((name) => name.trim())
      .filter((name) => name.length > 0)
      .map((unitName) => ({ unitName, responsibility: 'support', proposed: false, source: 'default_implementer' }));
    const proposals = fromClause.length === 0 ? proposedUnits(task, plan, planTaskTexts) : [];
    const candidates = mergeCandidates([...fromClause, ...proposals, ...defaults]);
    if (candidates.length === 0) {
      warnings.push({ code: 'no_units', taskNumber: task.number, text: `任务${task.number}“${task.title}”没有责任单位，请协调人指定` });
      continue;
    }

    const milestones = taskMilestones(task, plan, options, warnings);
    const recurring: RecurringObligation[] = (task.recurring ?? []).map((duty) => ({ every: duty.every, text: duty.text }));
    for (const duty of recurring) {
      if (parseRecurrence(duty.every) === null) {
        warnings.push({
          code: 'unknown_recurrence',
          taskNumber: task.number,
          every: duty.every,
          text: `任务${task.number}的周期“${duty.every}”无法识别，请人工设定提醒`,
        });
      }
    }
    const tables = linkedTables.get(task.number) ?? [];

    for (const candidate of candidates) {
      const districts = districtsOf(candidate.unitName, options.directory);
      const targets = (region: string | null): TargetDraft[] =>
        region === null
          ? []
          : tables.flatMap((table) => {
              const cells = breakdownsByTable.get(table)?.get(region) ?? [];
              if (cells.length > 0) consumedTargets.add(`${table}\u0000${region}`);
              return cells;
            });
      const base = {
        planId: options.planId,
        kind: 'task' as const,
        taskNumber: task.number,
        taskTitle: task.title,
        breakdownTable: null,
        responsibility: candidate.responsibility,
        proposed: candidate.proposed,
        source: candidate.source,
        proposalReason: candidate.proposed ? (candidate.reason ?? null) : null,
        recurring,
      };
      if (districts !== null) {
        for (const district of districts) {
          const regionTargets = targets(district.region);
          const allMilestones = [...milestones, ...targetMilestones(regionTargets)].sort((a, b) =>
            compareBusinessDates(a.due, b.due),
          );
          addDraft({
            ...base,
            key: assignmentKey({ planId: options.planId, taskRef, unitName: district.unit, region: district.region }),
            unitName: district.unit,
            region: district.region,
            expandedFrom: candidate.unitName,
            unexpanded: false,
            dueDate: lastDue(allMilestones),
            milestones: allMilestones,
            targets: regionTargets,
          });
        }
      } else {
        addDraft({
          ...base,
          key: assignmentKey({ planId: options.planId, taskRef, unitName: candidate.unitName, region: null }),
          unitName: candidate.unitName,
          region: null,
          expandedFrom: null,
          unexpanded: isCollectiveUnit(candidate.unitName, options.directory),
          dueDate: lastDue(milestones),
          milestones,
          targets: [],
        });
      }
    }
  }

  // Breakdown cells not attached to a linked task's district draft: one target draft per table × region.
  const unresolvedRegions = new Set<string>();
  for (const [table, byRegion] of breakdownsByTable) {
    for (const [region, targets] of byRegion) {
      if (consumedTargets.has(`${table}\u0000${region}`)) continue;
      const resolvedUnit = unitForRegion(region, options.directory);
      if (resolvedUnit === null && !unresolvedRegions.has(region)) {
        unresolvedRegions.add(region);
        warnings.push({
          code: 'region_unit_unresolved',
          region,
          text: `分解表地区“${region}”未在单位目录中找到对应单位，暂以地区名作为责任单位`,
        });
      }
      const unitName = resolvedUnit ?? region;
      const milestones = targetMilestones(targets);
      addDraft({
        key: assignmentKey({ planId: options.planId, taskRef: table, unitName, region }),
        planId: options.planId,
        kind: 'target',
        taskNumber: null,
        taskTitle: null,
        breakdownTable: table,
        unitName,
        responsibility: 'lead',
        region,
        expandedFrom: null,
        unexpanded: false,
        proposed: false,
        proposalReason: null,
        source: 'breakdown',
        dueDate: lastDue(milestones),
        milestones,
        targets,
        recurring: [],
      });
    }
  }

  return { planId: options.planId, drafts, warnings };
}
