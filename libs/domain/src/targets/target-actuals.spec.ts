import { metricUnit, targetsWithActuals, validateActuals, type AssignmentTarget } from './target-actuals';

// From the 滨江 elderly-care breakdown table (tests/fixtures/plans/constructed-binjiang-elderly-care): 2 metrics × 3 years, one region.
const TARGETS: AssignmentTarget[] = [2024, 2025, 2026].flatMap((year, index) => [
  { table: '滨江市养老服务设施建设任务分解表', region: '滨北区', metric: '新增街道综合养老服务中心（个）', year, value: [3, 2, 1][index]! },
  { table: '滨江市养老服务设施建设任务分解表', region: '滨北区', metric: '新增家庭养老床位（张）', year, value: [400, 350, 250][index]! },
]);

describe('metricUnit', () => {
  it('reads the unit printed in brackets, full- or half-width, the last one when several', () => {
    expect(metricUnit('新增家庭养老床位（张）')).toBe('张');
    expect(metricUnit('达标区域面积（平方公里）片区')).toBe('平方公里');
    expect(metricUnit('乡镇卫生院(社区卫生服务中心）改扩建（个）')).toBe('个');
    expect(metricUnit('new beds (beds)')).toBe('beds');
    expect(metricUnit('覆盖率')).toBeNull();
  });
});

describe('validateActuals', () => {
  it('accepts actuals for targets of the assignment, spelled as the target, region filled in', () => {
    expect(validateActuals(TARGETS, [{ metric: '新增家庭养老床位(张)', year: 2024, value: 380 }, { metric: '新增街道综合养老服务中心（个）', year: 2025, value: 2, unit: '个' }])).toEqual([
      { metric: '新增家庭养老床位（张）', year: 2024, region: '滨北区', value: 380 },
      { metric: '新增街道综合养老服务中心（个）', year: 2025, region: '滨北区', value: 2 },
    ]);
    expect(validateActuals(TARGETS, [])).toEqual([]);
  });

  it('refuses a metric or a year that is not a target (actual_not_a_target, in Chinese)', () => {
    const wrongYear = validateActuals(TARGETS, [{ metric: '新增家庭养老床位（张）', year: 2027, value: 1 }]);
    expect(wrongYear).toMatchObject({ ok: false, code: 'actual_not_a_target' });
    expect((wrongYear as { reason: string }).reason).toContain('不是本任务的分解目标');
    expect(validateActuals(TARGETS, [{ metric: '新增养老机构（家）', year: 2024, value: 1 }])).toMatchObject({ ok: false, code: 'actual_not_a_target' });
    expect(validateActuals(TARGETS, [{ metric: '新增家庭养老床位（张）', year: 2024, value: 1, region: '滨南区' }])).toMatchObject({ ok: false, code: 'actual_not_a_target' });
    expect(validateActuals([], [{ metric: '新增家庭养老床位（张）', year: 2024, value: 1 }])).toMatchObject({ ok: false, code: 'actual_not_a_target' });
  });

  it('refuses values that are not numbers, negative, a bad year, a unit other than the target’s, or one cell twice', () => {
    const bad = (actual: object) => validateActuals(TARGETS, [actual as never]);
    expect(bad({ metric: '新增家庭养老床位（张）', year: 2024, value: '380' })).toMatchObject({ code: 'invalid_value' });
    expect(bad({ metric: '新增家庭养老床位（张）', year: 2024, value: Number.NaN })).toMatchObject({ code: 'invalid_value' });
    expect(bad({ metric: '新增家庭养老床位（张）', year: 2024, value: -1 })).toMatchObject({ code: 'invalid_value' });
    expect(bad({ metric: '新增家庭养老床位（张）', year: 24.5, value: 1 })).toMatchObject({ code: 'invalid_actual' });
    expect(bad({ metric: '', year: 2024, value: 1 })).toMatchObject({ code: 'invalid_actual' });
    expect(bad({ metric: '新增家庭养老床位（张）', year: 2024, value: 1, unit: '万张' })).toMatchObject({ code: 'actual_unit_mismatch' });
    const twice = validateActuals(TARGETS, [
      { metric: '新增家庭养老床位（张）', year: 2024, value: 1 },
      { metric: '新增家庭养老床位（张）', year: 2024, value: 2 },
    ]);
    expect(twice).toMatchObject({ code: 'invalid_actual' });
  });

  it('asks for the region when the metric × year is a target in several regions', () => {
    const twoRegions: AssignmentTarget[] = [
      { region: '海安', metric: '新增社区医院数（家）', year: 2023, value: 1 },
      { region: '如皋', metric: '新增社区医院数（家）', year: 2023, value: 2 },
    ];
    expect(validateActuals(twoRegions, [{ metric: '新增社区医院数（家）', year: 2023, value: 1 }])).toMatchObject({ code: 'actual_region_required' });
    expect(validateActuals(twoRegions, [{ metric: '新增社区医院数（家）', year: 2023, value: 2, region: '如皋' }])).toEqual([
      { metric: '新增社区医院数（家）', year: 2023, region: '如皋', value: 2 },
    ]);
  });
});

describe('targetsWithActuals', () => {
  it('gives every target with its latest actual (a later report replaces an earlier value)', () => {
    const progress = targetsWithActuals(TARGETS, [
      [{ metric: '新增家庭养老床位（张）', year: 2024, region: '滨北区', value: 100 }],
      [{ metric: '新增家庭养老床位（张）', year: 2024, region: '滨北区', value: 380 }, { metric: '新增街道综合养老服务中心（个）', year: 2024, region: '滨北区', value: 3 }],
    ]);
    expect(progress).toHaveLength(6);
    expect(progress[0]).toEqual({ metric: '新增街道综合养老服务中心（个）', unit: '个', year: 2024, region: '滨北区', target: 3, actual: 3 });
    expect(progress[1]).toEqual({ metric: '新增家庭养老床位（张）', unit: '张', year: 2024, region: '滨北区', target: 400, actual: 380 });
    expect(progress[3]).toEqual({ metric: '新增家庭养老床位（张）', unit: '张', year: 2025, region: '滨北区', target: 350 });
  });
});
