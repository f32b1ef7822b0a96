import { detectJurisdiction } from './jurisdiction-detection';
import type { DirectoryUnit, OrganisationDirectory } from './organisation-directory';
import { publishProblems } from '../rollout/publish-gate';
import { planRollout } from '../rollout/rollout-plan';
import { planWithDirectoryUnits, resolvePlanUnits } from './plan-unit-resolution';
import { normaliseUnitName, placeStem } from './unit-name';
import { expandCollective, nameSimilarity, nameVariants, resolveUnitName } from './unit-resolution';
import { currentUnit, isUnitValidOn } from './unit-validity';

const unit = (id: string, jurisdictionId: string, kind: DirectoryUnit['kind'], name: string, shortName: string | null, extra: Partial<DirectoryUnit> = {}): DirectoryUnit => ({
  id,
  jurisdictionId,
  kind,
  name,
  shortName,
  parentId: null,
  validFrom: null,
  validTo: null,
  successorId: null,
  region: null,
  ...extra,
});

/** A small directory shaped like the seed: 甲市 (two districts, one county, a zone) and 乙市, each with a 卫健委. */
const directory: OrganisationDirectory = {
  jurisdictions: [
    { id: 'prov', code: '320000', name: '江苏省', level: 'province', parentId: null },
    { id: 'nj', code: '320100', name: '南京市', level: 'city', parentId: 'prov' },
    { id: 'nj-xw', code: '320102', name: '玄武区', level: 'district', parentId: 'nj' },
    { id: 'nj-qh', code: '320104', name: '秦淮区', level: 'district', parentId: 'nj' },
    { id: 'nj-gc', code: '320199', name: '高城县', level: 'county', parentId: 'nj' },
    { id: 'nt', code: '320600', name: '南通市', level: 'city', parentId: 'prov' },
  ],
  units: [
    unit('prov-gov', 'prov', 'other', '江苏省人民政府', null),
    unit('nj-health', 'nj', 'department', '南京市卫生健康委员会', '市卫健委'),
    unit('nj-health-old', 'nj', 'department', '南京市卫生和计划生育委员会', '市卫计委', { validTo: '2018-12-31', successorId: 'nj-health' }),
    unit('nj-staffing', 'nj', 'party_body', '中共南京市委机构编制委员会办公室', '市委编办'),
    unit('nj-jb', 'nj', 'management_committee', '南京江北新区管理委员会', '江北新区管委会', { region: '江北新区' }),
    unit('nj-districts', 'nj', 'collective', '各区人民政府', null),
    unit('gov-xw', 'nj-xw', 'district_government', '玄武区人民政府', '玄武区政府', { region: '玄武' }),
    unit('gov-qh', 'nj-qh', 'district_government', '秦淮区人民政府', '秦淮区政府', { region: '秦淮' }),
    unit('gov-gc', 'nj-gc', 'district_government', '高城县人民政府', '高城县政府', { region: '高城' }),
    unit('nt-health', 'nt', 'department', '南通市卫生健康委员会', '市卫健委'),
  ],
  aliases: [
    { unitId: 'nj-health', alias: '市卫生健康委', jurisdictionId: 'nj' },
    { unitId: 'nj-health', alias: '卫健部门', jurisdictionId: 'nj' },
    { unitId: 'nj-staffing', alias: '市编办', jurisdictionId: 'nj' },
    { unitId: 'nj-jb', alias: '江北新区', jurisdictionId: 'nj' },
    { unitId: 'gov-xw', alias: '玄武区', jurisdictionId: 'nj' },
    { unitId: 'nt-health', alias: '市卫生健康委', jurisdictionId: 'nt' },
  ],
};
const nanjing = { directory, jurisdictionId: 'nj', asOf: '2026-06-30' };

describe('name normalisation', () => {
  it.each([
    ['各县(市、区)政府', '各县（市、区）政府'],
    [' 市卫健委 ', '市卫健委'],
    ['市 卫 健 委', '市卫健委'],
    ['市财政局等', '市财政局'],
    ['、市医保局。', '市医保局'],
    ['ＡＢＣ局', 'ABC局'],
  ])('%s → %s', (printed, normal) => expect(normaliseUnitName(printed)).toBe(normal));

  it.each([
    ['海安市', '海安'],
    ['崇川区', '崇川'],
    ['如东县', '如东'],
    ['土默特左旗', '土默特左'],
    ['江北新区', '江北'],
  ])('place stem %s → %s', (name, stem) => expect(placeStem(name)).toBe(stem));
});

describe('resolution within the plan jurisdiction', () => {
  it.each([
    ['市卫健委', 'nj-health', '名称完全一致'],
    ['南京市卫生健康委员会', 'nj-health', '名称完全一致'],
    ['市卫生健康委', 'nj-health', '别名'],
    ['卫健部门', 'nj-health', '别名'],
    ['市编办', 'nj-staffing', '别名'],
    ['市委编办', 'nj-staffing', '名称完全一致'],
    ['江北新区', 'nj-jb', '别名'],
    ['江北新区管委会', 'nj-jb', '名称完全一致'],
    ['玄武区', 'gov-xw', '别名'],
    ['南京卫健委', 'nj-health', '前缀规则'],
    ['南京市卫健委', 'nj-health', '前缀规则'],
    ['卫健委', 'nj-health', '前缀规则 X→市X'],
  ])('%s → %s (%s)', (printed, unitId, how) => {
    const resolution = resolveUnitName(printed, nanjing);
    expect(resolution).toMatchObject({ status: 'resolved', unitId });
    expect(resolution.reason).toContain(how);
  });

  it('the same alias in two cities resolves to each city’s own body', () => {
    expect(resolveUnitName('市卫生健康委', nanjing).unitId).toBe('nj-health');
    expect(resolveUnitName('市卫生健康委', { ...nanjing, jurisdictionId: 'nt' }).unitId).toBe('nt-health');
  });

  it('a body renamed in a 机构改革 resolves to its successor after the date, and to itself before', () => {
    expect(resolveUnitName('市卫计委', nanjing)).toMatchObject({ status: 'resolved', unitId: 'nj-health', unitName: '市卫健委' });
    expect(resolveUnitName('市卫计委', nanjing).reason).toContain('承继');
    expect(resolveUnitName('市卫计委', { ...nanjing, asOf: '2018-06-01' })).toMatchObject({ status: 'resolved', unitId: 'nj-health-old' });
  });

  it('a body of another jurisdiction is only suggested, with the reason', () => {
    const resolution = resolveUnitName('江苏省人民政府', nanjing);
    expect(resolution.status).toBe('suggested');
    expect(resolution.suggestions[0]).toMatchObject({ unitId: 'prov-gov', score: 0.9 });
    expect(resolution.suggestions[0]!.reason).toContain('不在本计划辖区');
  });

  it('a near name is suggested, ranked; nothing alike is unknown', () => {
    const near = resolveUnitName('市卫生健康委员会办公室', nanjing);
    expect(near.status).toBe('suggested');
    expect(near.suggestions[0]!.unitId).toBe('nj-health');
    expect(near.suggestions.map((suggestion) => suggestion.score)).toEqual([...near.suggestions.map((suggestion) => suggestion.score)].sort((a, b) => b - a));
    expect(resolveUnitName('市气象局', nanjing)).toMatchObject({ status: 'unknown', suggestions: [] });
    expect(resolveUnitName('', nanjing).status).toBe('unknown');
  });

  it('without a jurisdiction nothing resolves and collectives cannot expand', () => {
    expect(resolveUnitName('市卫健委', { ...nanjing, jurisdictionId: null }).status).not.toBe('resolved');
    expect(resolveUnitName('各区人民政府', { ...nanjing, jurisdictionId: null })).toMatchObject({ status: 'collective', expandsTo: [] });
  });

  it('name variants follow the prefix rules', () => {
    expect(nameVariants('市卫健委', '南京市').map((variant) => variant.name)).toEqual(['市卫健委', '南京市卫健委']);
    expect(nameVariants('南京市卫健委', '南京市').map((variant) => variant.name)).toEqual(['南京市卫健委', '市卫健委']);
    expect(nameVariants('编办', '南京市').map((variant) => variant.name)).toEqual(['编办', '市编办']);
    expect(nameSimilarity('市卫健委', '市卫健委')).toBe(1);
    expect(nameSimilarity('市卫健委', '区财政局')).toBe(0);
  });
});

describe('collectives', () => {
  it('各区人民政府 expands to every district and county government, not the zones', () => {
    expect(resolveUnitName('各区人民政府', nanjing)).toMatchObject({ status: 'collective', unitId: 'nj-districts' });
    expect(expandCollective('各区人民政府', nanjing).map((expanded) => expanded.unitId)).toEqual(['gov-xw', 'gov-qh', 'gov-gc']);
  });

  it('a name that mentions 管委会 or 板块 also takes the management committees', () => {
    expect(expandCollective('各县（市、区）政府（管委会）', nanjing).map((expanded) => expanded.unitId)).toEqual(['nj-jb', 'gov-xw', 'gov-qh', 'gov-gc']);
  });

  it('各县 takes the counties; a district named beside it joins them', () => {
    expect(expandCollective('各县', nanjing).map((expanded) => expanded.unitId)).toEqual(['gov-gc']);
    expect(expandCollective('各县（玄武区）', nanjing).map((expanded) => expanded.unitId)).toEqual(['gov-xw', 'gov-gc']);
  });

  it.each(['各地', '各级政府', '各县区', '县市区人民政府', '各乡镇（街道）'])('%s is collective and expands', (name) => {
    const resolution = resolveUnitName(name, nanjing);
    expect(resolution.status).toBe('collective');
    expect(resolution.expandsTo!.length).toBeGreaterThan(0);
  });
});

describe('validity', () => {
  it('open ends and inclusive bounds', () => {
    expect(isUnitValidOn({ validFrom: null, validTo: null }, '2026-01-01')).toBe(true);
    expect(isUnitValidOn({ validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-12-31')).toBe(true);
    expect(isUnitValidOn({ validFrom: '2026-01-01', validTo: null }, '2025-12-31')).toBe(false);
  });

  it('a chain of successors ends in the body valid on the date; a loop or a dead end is null', () => {
    const a = unit('a', 'nj', 'department', 'A', null, { validTo: '2019-12-31', successorId: 'b' });
    const b = unit('b', 'nj', 'department', 'B', null, { validTo: '2021-12-31', successorId: 'c' });
    const c = unit('c', 'nj', 'department', 'C', null);
    expect(currentUnit(a, [a, b, c], '2026-01-01')?.id).toBe('c');
    expect(currentUnit(a, [a, b, c], '2020-06-01')?.id).toBe('b');
    const loop1 = unit('x', 'nj', 'department', 'X', null, { validTo: '2019-12-31', successorId: 'y' });
    const loop2 = unit('y', 'nj', 'department', 'Y', null, { validTo: '2019-12-31', successorId: 'x' });
    expect(currentUnit(loop1, [loop1, loop2], '2026-01-01')).toBeNull();
    expect(currentUnit(unit('d', 'nj', 'department', 'D', null, { validTo: '2019-12-31' }), [], '2026-01-01')).toBeNull();
  });
});

describe('jurisdiction detection', () => {
  it('the title names the city', () => {
    expect(detectJurisdiction({ title: '促进南京市基层卫生健康事业高质量发展行动计划', issuer: null }, directory.jurisdictions)).toMatchObject({ jurisdictionId: 'nj' });
  });

  it('a district named in the body counts for its city', () => {
    expect(detectJurisdiction({ title: '实施方案', issuer: null, text: '玄武区要率先建成…；秦淮区…' }, directory.jurisdictions)).toMatchObject({ jurisdictionId: 'nj' });
  });

  it('nothing named, or two cities named alike: no guess', () => {
    expect(detectJurisdiction({ title: '关于进一步促进基层医疗卫生服务体系健康发展的实施方案', issuer: null, text: '全市五个旗县' }, directory.jurisdictions)).toBeNull();
    expect(detectJurisdiction({ title: '方案', issuer: null, text: '南京 南通' }, directory.jurisdictions)).toBeNull();
  });
});

describe('a plan against the directory, and the publish gate', () => {
  const plan = {
    period: { from: 2026, to: 2027 },
    tasks: [
      { number: 1, title: '甲', lead: ['市编办'], units: ['市编办', '市委编办', '江北新区', '江北新区管委会'], deadlines: [{ due: '2026-12-31', text: '年底' }] },
      { number: 2, title: '乙', lead: [], units: ['各区人民政府', '市气象局'], deadlines: [] },
      { number: 3, title: '丙', lead: [], units: [], deadlines: [] },
    ],
  };

  it('one body is one holder, collectives become their districts, unknown names are problems', () => {
    const resolutions = resolvePlanUnits(plan, nanjing);
    const resolved = planWithDirectoryUnits(plan, resolutions, nanjing);
    const rollout = planRollout(resolved.plan, { planId: 'p', directory: resolved.directory });
    const holders = (taskNumber: number) => rollout.drafts.filter((draft) => draft.taskNumber === taskNumber).map((draft) => draft.unitName);
    expect(holders(1)).toEqual(['市委编办', '江北新区管委会']);
    expect(holders(2)).toEqual(['玄武区政府', '秦淮区政府', '高城县政府', '市气象局']);
    expect(rollout.drafts.some((draft) => draft.unitName === '各区人民政府')).toBe(false);
    expect(resolved.unitIds.get('市委编办')).toBe('nj-staffing');
    expect(resolved.unitIds.has('市气象局')).toBe(false);
    const problems = publishProblems({ jurisdictionId: 'nj', resolutions, rollout, proposalsConfirmed: false, dueDateDefaultAccepted: false });
    expect(problems.map((problem) => [problem.code, problem.taskNumber, problem.printedName])).toEqual([
      ['unit_unresolved', 2, '市气象局'],
      ['task_without_unit', 3, undefined],
      ['due_date_defaulted', 2, undefined],
    ]);
    expect(problems.every((problem) => /[\u4e00-\u9fff]/.test(problem.message))).toBe(true);
    expect(publishProblems({ jurisdictionId: 'nj', resolutions, rollout, proposalsConfirmed: false, dueDateDefaultAccepted: true }).map((problem) => problem.code)).not.toContain('due_date_defaulted');
    expect(publishProblems({ jurisdictionId: null, resolutions: [], rollout: { planId: 'p', drafts: [], warnings: [] }, proposalsConfirmed: true, dueDateDefaultAccepted: true })[0]!.code).toBe('jurisdiction_unconfirmed');
  });
});
