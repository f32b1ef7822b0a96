import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  detectJurisdiction,
  planRollout,
  planWithDirectoryUnits,
  publishProblems,
  resolvePlanUnits,
  type OrganisationDirectory,
  type PlanInput,
} from '@duban/domain';
import { parsePlanText } from '@duban/plan-parser';
import { organisationSeedRows } from './organisation-seed';
import { SEED_CITIES, SEED_PLAN_JURISDICTIONS } from './organisation-seed.data';

const rows = organisationSeedRows();
const directory: OrganisationDirectory = {
  jurisdictions: rows.jurisdictions.map(({ validTo: _validTo, ...row }) => ({ ...row, level: row.level as 'city' })),
  units: rows.units.map((row) => ({ ...row, kind: row.kind as 'department', parentId: null, validFrom: null })),
  aliases: rows.aliases,
};
const PLANS_DIR = join(__dirname, '../../../../seeds/plans');
const cityId = (name: string) => directory.jurisdictions.find((jurisdiction) => jurisdiction.name === name)!.id;
const AS_OF = '2026-06-30';

function seedPlan(file: string) {
  const plan = parsePlanText(readFileSync(join(PLANS_DIR, file), 'utf8'), { document: file });
  const text = plan.tasks.map((task) => `${task.title}\n${typeof (task as { text?: unknown }).text === 'string' ? (task as { text: string }).text : ''}`).join('\n');
  const detected = detectJurisdiction({ title: plan.title ?? '', issuer: plan.issuer ?? null, text }, directory.jurisdictions);
  const jurisdictionId = detected?.jurisdictionId ?? (SEED_PLAN_JURISDICTIONS[file] ? cityId(SEED_PLAN_JURISDICTIONS[file]!) : null);
  const context = { directory, jurisdictionId, asOf: AS_OF };
  const resolutions = resolvePlanUnits(plan as PlanInput, context);
  const resolved = planWithDirectoryUnits(plan as PlanInput, resolutions, context);
  const rollout = planRollout(resolved.plan, { planId: file, directory: resolved.directory, defaultDueDate: '2026-12-31' });
  const byName = new Map(resolutions.map((resolution) => [resolution.printedName, resolution]));
  return { plan, detected, jurisdictionId, resolutions, byName, resolved, rollout };
}

describe('the organisation seed', () => {
  it('ids are unique and stable; every city has every district/county with its code', () => {
    expect(new Set(rows.jurisdictions.map((row) => row.id)).size).toBe(rows.jurisdictions.length);
    expect(new Set(rows.units.map((row) => row.id)).size).toBe(rows.units.length);
    expect(organisationSeedRows().units.map((row) => row.id)).toEqual(rows.units.map((row) => row.id));
    const codes = rows.jurisdictions.map((row) => row.code).filter((code) => code !== null);
    expect(new Set(codes).size).toBe(codes.length);
    const current = (city: string) => rows.jurisdictions.filter((row) => row.parentId === cityId(city) && row.validTo === null).map((row) => row.name);
    expect(current('南京市')).toHaveLength(11);
    expect(current('南通市').sort()).toEqual(['如东县', '如皋市', '启东市', '崇川区', '海安市', '海门区', '通州区'].sort());
    expect(current('连云港市')).toHaveLength(6);
    expect(current('郴州市')).toHaveLength(11);
    expect(current('呼和浩特市')).toHaveLength(9);
    for (const city of SEED_CITIES) {
      const children = rows.jurisdictions.filter((row) => row.parentId === cityId(city.name));
      for (const child of children) expect(child.code).toMatch(new RegExp(`^${city.code.slice(0, 4)}\\d\\d$`));
    }
  });

  it('every alias names one unit within a jurisdiction', () => {
    const keys = rows.aliases.map((row) => `${row.jurisdictionId}/${row.alias}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the five seed plans against the seed directory', () => {
  it.each([
    ['000_4299291a12d9de5d.txt', '南通市'],
    ['002_cc373f70ccc640b3.txt', '南京市'],
    ['003_be66b3b8c9bc66bb.txt', '郴州市'],
    ['004_49691a3758a8940d.txt', '连云港市'],
  ])('%s is detected as %s from its own words', (file, city) => {
    expect(seedPlan(file).detected?.name).toBe(city);
  });

  it('001 names no city: nothing is guessed', () => {
    expect(seedPlan('001_c0ed3052eda0fa1b.txt').detected).toBeNull();
  });

  it('南京 (002): 江北新区 and 江北新区管委会 are one unit; 各区人民政府 is all eleven districts; no collective holds work', () => {
    const { byName, rollout, resolved } = seedPlan('002_cc373f70ccc640b3.txt');
    expect(byName.get('各区人民政府')!.expandsTo).toHaveLength(11);
    expect(byName.get('各区人民政府')!.expandsTo!.map((unit) => unit.unitName)).not.toContain('江北新区管委会');
    expect(byName.get('江北新区管委会')).toMatchObject({ status: 'resolved' });
    const holders = new Set(rollout.drafts.map((draft) => draft.unitName));
    expect(holders.has('各区人民政府')).toBe(false);
    expect(holders.has('江北新区')).toBe(false);
    expect([...holders].every((holder) => resolved.unitIds.has(holder))).toBe(true);
  });

  it('呼和浩特 (001): 市编办 and 市委编办 are one unit; 市卫生健康委 is 市卫健委; 旗县区 expand to nine', () => {
    const { byName, rollout } = seedPlan('001_c0ed3052eda0fa1b.txt');
    expect(byName.get('市编办')!.unitId).toBe(byName.get('市委编办')!.unitId);
    expect(byName.get('市卫生健康委')).toMatchObject({ status: 'resolved', unitName: '市卫健委' });
    expect(byName.get('旗县区政府')!.expandsTo).toHaveLength(9);
    const staffing = rollout.drafts.filter((draft) => draft.unitName === '市委编办');
    expect(new Set(staffing.map((draft) => draft.taskNumber)).size).toBe(staffing.length);
    expect(rollout.drafts.some((draft) => draft.unitName === '市编办')).toBe(false);
  });

  it('郴州 (003): 县市区人民政府 expands to all eleven county-level divisions', () => {
    const { byName, rollout } = seedPlan('003_be66b3b8c9bc66bb.txt');
    expect(byName.get('县市区人民政府')!.expandsTo).toHaveLength(11);
    expect(new Set(rollout.drafts.filter((draft) => draft.expandedFrom !== null).map((draft) => draft.region)).size).toBe(11);
  });

  it('南通 (000): 各地/各县（市、区） expand to every county and zone; 江苏省人民政府 holds nothing until a coordinator maps it', () => {
    const { byName, rollout, resolutions, jurisdictionId } = seedPlan('000_4299291a12d9de5d.txt');
    expect(byName.get('各地')!.expandsTo).toHaveLength(10);
    expect(byName.get('各县（市、区）')!.expandsTo).toHaveLength(10);
    expect(byName.get('卫生健康部门')).toMatchObject({ status: 'resolved', unitName: '市卫健委' });
    expect(byName.get('江苏省人民政府')!.status).toBe('suggested');
    const problems = publishProblems({ jurisdictionId, resolutions, rollout, proposalsConfirmed: true, dueDateDefaultAccepted: true });
    expect(problems.map((problem) => problem.printedName)).toEqual(['江苏省人民政府']);
    for (const collective of ['各地', '各县（市、区）', '各乡镇（街道）', '各县（市、区）政府（管委会）']) expect(rollout.drafts.some((draft) => draft.unitName === collective)).toBe(false);
  });

  it('连云港 (004): 各县 is the three counties, 各县（赣榆区） adds 赣榆区; 城区 is unknown', () => {
    const { byName } = seedPlan('004_49691a3758a8940d.txt');
    expect(byName.get('各县')!.expandsTo!.map((unit) => unit.unitName)).toEqual(['东海县政府', '灌云县政府', '灌南县政府']);
    expect(byName.get('各县（赣榆区）')!.expandsTo!.map((unit) => unit.unitName)).toEqual(['赣榆区政府', '东海县政府', '灌云县政府', '灌南县政府']);
    expect(byName.get('赣榆区')).toMatchObject({ status: 'resolved', unitName: '赣榆区政府' });
    expect(byName.get('城区')!.status).toBe('unknown');
  });

  it('市卫健委 of 南京 and of 郴州 are different units', () => {
    const nanjing = seedPlan('002_cc373f70ccc640b3.txt').byName.get('市卫健委')!.unitId;
    const chenzhou = seedPlan('003_be66b3b8c9bc66bb.txt').byName.get('市卫生健康委')!.unitId;
    expect(nanjing).toBeDefined();
    expect(chenzhou).toBeDefined();
    expect(nanjing).not.toBe(chenzhou);
  });

  it('no seed plan assigns work to a collective or to a body outside its jurisdiction', () => {
    for (const file of readdirSync(PLANS_DIR).filter((name) => name.endsWith('.txt'))) {
      const { rollout, resolved, jurisdictionId } = seedPlan(file);
      const family = new Set([jurisdictionId, ...directory.jurisdictions.filter((jurisdiction) => jurisdiction.parentId === jurisdictionId).map((jurisdiction) => jurisdiction.id)]);
      for (const draft of rollout.drafts) {
        const unitId = resolved.unitIds.get(draft.unitName);
        if (unitId === undefined) continue; // unresolved: the publish gate refuses the plan
        const unit = directory.units.find((candidate) => candidate.id === unitId)!;
        expect(unit.kind).not.toBe('collective');
        expect(family.has(unit.jurisdictionId)).toBe(true);
      }
    }
  });
});
