import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PlanInput } from '@duban/domain';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import type { PlanRunSettings } from '@duban/workflows';

/**
 * A plan of `tasks` tasks with `unitsPerTask` responsible units each (one lead),
 * due in the future: `tasks × unitsPerTask` assignments. For the crash test and
 * the rollout benchmark, where the parser is not what is measured.
 */
export function syntheticPlan(tasks: number, unitsPerTask: number, unitPrefix = '市第'): PlanInput & { document: string; title: string } {
  const units = Array.from({ length: unitsPerTask }, (_, index) => `${unitPrefix}${index + 1}局`);
  return {
    document: 'synthetic.txt',
    title: `合成压力测试行动方案（${tasks}项任务）`,
    period: { from: 2026, to: 2028 },
    defaultImplementers: [],
    tasks: Array.from({ length: tasks }, (_, index) => ({
      number: index + 1,
      title: `合成任务${index + 1}`,
      section: null,
      responsibleRaw: units.join('、'),
      lead: [units[0]!],
      units,
      unitsResolved: units,
      deadlines: [{ due: `${2027 + (index % 2)}-12-31`, text: `${2027 + (index % 2)}年底前完成合成任务${index + 1}` }],
      recurring: [],
    })),
    breakdowns: [],
  };
}

/** Stores a synthetic plan as a draft directly (no document, no parser) and returns its id. */
/** `unitPrefix` gives a test units of its own (counts by unit across the shared test database stay exact). */
export async function insertSyntheticPlan(dataSource: DataSource, tasks: number, unitsPerTask: number, settings: PlanRunSettings = {}, unitPrefix = '市第'): Promise<string> {
  const plan = syntheticPlan(tasks, unitsPerTask, unitPrefix);
  const row = dataSource.getRepository(PlanEntity).create({
    sourceHash: `synthetic-${randomUUID()}`,
    documentName: plan.document,
    title: plan.title,
    docNumber: null,
    issuer: null,
    periodFrom: 2026,
    periodTo: 2028,
    status: 'draft',
    taskCount: tasks,
    parsed: plan as unknown as JsonObject,
    warnings: [],
    settings: settings as unknown as JsonObject,
  });
  return (await dataSource.getRepository(PlanEntity).save(row)).id;
}
