import type { DistrictDirectory, DistrictEntry } from './collective-units';
import { expandCollective, resolveUnitName, type ResolutionContext, type UnitResolution } from './unit-resolution';
import { normaliseUnitName } from './unit-name';
import { unitDisplayName } from './organisation-directory';
import type { PlanInput, PlanTaskInput } from '../rollout/plan-input';
import { proposedUnitNames, taskTextOf } from '../rollout/rollout-plan';

export interface PlanUnitResolution extends UnitResolution {
  /** The tasks that print the name (0 for plan-wide implementers). */
  readonly taskNumbers: readonly number[];
}

function push(map: Map<string, number[]>, name: string, taskNumber: number): void {
  const normal = normaliseUnitName(name);
  if (normal === '') return;
  const list = map.get(normal) ?? [];
  if (!list.includes(taskNumber)) list.push(taskNumber);
  map.set(normal, list);
}

function clauseNames(task: PlanTaskInput): string[] {
  const resolved = task.unitsResolved && task.unitsResolved.length === task.units.length ? task.unitsResolved : task.units;
  return [...resolved, ...task.lead.filter((lead) => !task.units.includes(lead))];
}

/**
 * Every unit name the plan prints where the rollout reads one (clauses, lead units, proposals from mentioned
 * units and the 职责分工 duties that fit the task, plan-wide implementers), each with the tasks that print it, in
 * first-seen order.
 */
export function printedUnitNames(plan: PlanInput): Map<string, number[]> {
  const names = new Map<string, number[]>();
  const texts = plan.tasks.map(taskTextOf);
  for (const task of plan.tasks) {
    const clause = clauseNames(task);
    clause.forEach((name) => push(names, name, task.number));
    if (clause.length > 0) continue;
    proposedUnitNames(task, plan, texts).forEach((name) => push(names, name, task.number));
  }
  for (const name of plan.defaultImplementers ?? []) {
    for (const task of plan.tasks) push(names, name, task.number);
  }
  return names;
}

/** Each printed name of the plan resolved against its jurisdiction (see resolveUnitName). */
export function resolvePlanUnits(plan: PlanInput, context: ResolutionContext): PlanUnitResolution[] {
  return [...printedUnitNames(plan)].map(([printedName, taskNumbers]) => ({ ...resolveUnitName(printedName, context), taskNumbers }));
}

export interface PlanWithUnits {
  /** The plan with every resolved name replaced by its unit's display name (unresolved names stay as printed). */
  readonly plan: PlanInput;
  /** Collective → its districts' bodies, and every district body by region (breakdown tables): the rollout's directory. */
  readonly directory: DistrictDirectory;
  /** Display name → unit id, for every unit the rollout may assign. */
  readonly unitIds: ReadonlyMap<string, string>;
}

/** Key of the directory entry that lists every district body, for breakdown regions (never a printed name). */
const ALL_REGIONS = '\u0000regions';

/**
 * Rewrites the plan's unit names to the directory's (so 市编办 and 市委编办 are one unit, 江北新区 and
 * 江北新区管委会 one holder) and builds the district directory the rollout expands collectives with.
 */
export function planWithDirectoryUnits(plan: PlanInput, resolutions: readonly UnitResolution[], context: ResolutionContext): PlanWithUnits {
  const byName = new Map(resolutions.map((resolution) => [normaliseUnitName(resolution.printedName), resolution]));
  const unitIds = new Map<string, string>();
  const directory: Record<string, DistrictEntry[]> = {};
  const canonical = (printed: string): string => {
    const normal = normaliseUnitName(printed);
    const resolution = byName.get(normal);
    if (resolution?.status === 'resolved' && resolution.unitId && resolution.unitName) {
      unitIds.set(resolution.unitName, resolution.unitId);
      return resolution.unitName;
    }
    if (resolution?.status === 'collective') {
      const key = resolution.unitName ?? normal;
      const expanded = resolution.expandsTo ?? [];
      if (expanded.length > 0) {
        directory[key] = expanded.map((unit) => ({ region: unit.region, unit: unit.unitName }));
        expanded.forEach((unit) => unitIds.set(unit.unitName, unit.unitId));
      }
      return key;
    }
    return normal === '' ? printed : normal;
  };
  const tasks = plan.tasks.map((task) => {
    const printed = task.unitsResolved && task.unitsResolved.length === task.units.length ? task.unitsResolved : task.units;
    const units = printed.map(canonical);
    const lead = task.lead.map((name) => {
      const index = task.units.indexOf(name);
      return canonical(index >= 0 && printed[index] !== undefined ? printed[index] : name);
    });
    return { ...task, units, unitsResolved: units, lead, ...(task.mentionedUnits ? { mentionedUnits: task.mentionedUnits.map(canonical) } : {}) };
  });
  const regions = expandCollective('管委会', context);
  if (regions.length > 0) {
    directory[ALL_REGIONS] = regions.map((unit) => ({ region: unit.region, unit: unit.unitName }));
    regions.forEach((unit) => unitIds.set(unit.unitName, unit.unitId));
  }
  for (const unit of context.directory.units) {
    // A unit mapped into the plan from elsewhere keeps its id too.
    if (!unitIds.has(unitDisplayName(unit)) && resolutions.some((resolution) => resolution.unitId === unit.id)) unitIds.set(unitDisplayName(unit), unit.id);
  }
  return {
    plan: {
      ...plan,
      tasks,
      ...(plan.defaultImplementers ? { defaultImplementers: plan.defaultImplementers.map(canonical) } : {}),
      ...(plan.dutyDivision ? { dutyDivision: plan.dutyDivision.map((duty) => ({ ...duty, unit: canonical(duty.unit) })) } : {}),
    },
    directory,
    unitIds,
  };
}
