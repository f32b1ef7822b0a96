import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PlanInput } from '@duban/domain';
import { organisationId, PlanEntity, type JsonObject } from '@duban/persistence';

/** The synthetic plans' city: a jurisdiction of the test directory (no 行政区划 code), so publishing can place their units. */
export const SYNTHETIC_JURISDICTION_ID = organisationId('jurisdiction:test/合成市');

/** Puts the synthetic units (市第1局…) in the organisation directory, idempotently; returns their ids by name. */
export async function ensureSyntheticUnits(dataSource: DataSource, names: readonly string[]): Promise<Map<string, string>> {
  await dataSource.query("INSERT INTO jurisdictions (id, code, name, level, parent_id) VALUES ($1, NULL, '合成市', 'city', NULL) ON CONFLICT DO NOTHING", [SYNTHETIC_JURISDICTION_ID]);
  const ids = new Map<string, string>();
  for (const name of names) {
    const id = organisationId(`unit:合成市/${name}`);
    await dataSource.query("INSERT INTO units (id, jurisdiction_id, kind, name, short_name) VALUES ($1, $2, 'department', $3, NULL) ON CONFLICT DO NOTHING", [id, SYNTHETIC_JURISDICTION_ID, name]);
    ids.set(name, id);
  }
  return ids;
}
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
  await ensureSyntheticUnits(dataSource, plan.tasks[0]?.units ?? []);
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
    jurisdictionId: SYNTHETIC_JURISDICTION_ID,
  });
  return (await dataSource.getRepository(PlanEntity).save(row)).id;
}
