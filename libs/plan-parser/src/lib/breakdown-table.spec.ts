import { findBreakdowns } from './breakdown-table';
import { normalizeText, toLines } from './normalize-text';
import { ParseWarning } from './types';

function run(text: string): { cells: ReturnType<typeof findBreakdowns>; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  return { cells: findBreakdowns(toLines(normalizeText(text)), warnings), warnings };
}

describe('breakdown tables', () => {
  it('rebuilds a flattened one-cell-per-line grid with a total column', () => {
    const text = [
      '附件：重点任务分解表',
      '\t地区', '\t新建数（个）', '\t改造数', '（个）', '',
      '\t', '\t2024年', '\t2025年', '\t2024年', '\t2025年', '\t合计', '',
      '\t甲区', '\t1', '\t2', '\t3', '\t4', '\t7', '',
      '\t乙县', '\t0', '\t-', '\t1', '\t1', '\t2', '',
      '\t合计', '\t1', '\t2', '\t4', '\t5', '\t9', '',
      '',
      '正文继续',
    ].join('\n');
    const { cells, warnings } = run(text);
    expect(cells).toHaveLength(7);
    expect(cells[0]).toMatchObject({ table: '重点任务分解表', region: '甲区', metric: '新建数（个）', year: 2024, value: 1 });
    expect(cells.find((c) => c.region === '乙县' && c.metric === '改造数（个）' && c.year === 2025)?.value).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('reads Markdown tables and warns when totals do not add up', () => {
    const text = ['表1 分年度目标', '| 区域 | 2024年 | 2025年 |', '|---|---|---|', '| 东区 | 2 | 3 |', '| 西区 | 1 | 1 |', '| 合计 | 3 | 5 |'].join('\n');
    const { cells, warnings } = run(text);
    expect(cells.map((c) => [c.region, c.year, c.value, c.metric])).toEqual([
      ['东区', 2024, 2, '表1 分年度目标'],
      ['东区', 2025, 3, '表1 分年度目标'],
      ['西区', 2024, 1, '表1 分年度目标'],
      ['西区', 2025, 1, '表1 分年度目标'],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['table-total-mismatch']);
  });

  it('reads tab-separated rows with a two-level header', () => {
    const text = ['地区\t病床\t病床\t医生\t医生', '\t2024\t2025\t2024\t2025', '北区\t10\t12\t3\t4'].join('\n');
    expect(run(text).cells.map((c) => `${c.metric}${c.year}=${c.value}`)).toEqual(['病床2024=10', '病床2025=12', '医生2024=3', '医生2025=4']);
  });

  it('skips target tables without regions (years as rows)', () => {
    const text = ['\t类别', '\t覆盖率%', '', '\t2025年', '目标值', '\t50', ''].join('\n');
    expect(run(text).cells).toEqual([]);
  });
});

describe('breakdown tables of published plans', () => {
  it('right-aligns a year row narrower than the data (rowspan columns before it are not targets)', () => {
    const text = [
      '内地西藏初中班（校）扩大招生计划表',
      '省（市）\t1995年招生人数\t扩招\t分年度招生任务',
      '1996年\t1997年\t1998年',
      '总计\t145\t55\t160\t180\t200',
      '江苏\t100\t45\t110\t120\t130',
      '广东\t45（扩招）\t10\t50\t60\t70',
    ].join('\n');
    const { cells, warnings } = run(text);
    expect(cells.map((c) => [c.region, c.metric, c.year, c.value])).toEqual([
      ['江苏', '分年度招生任务', 1996, 110],
      ['江苏', '分年度招生任务', 1997, 120],
      ['江苏', '分年度招生任务', 1998, 130],
      ['广东', '分年度招生任务', 1996, 50],
      ['广东', '分年度招生任务', 1997, 60],
      ['广东', '分年度招生任务', 1998, 70],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a table with one row per year from its region and number columns', () => {
    const text = ['表2 系统方案编制计划表', '| 年份 | 编制区域 | 面积（平方公里） | 评估计划 |', '|---|---|---|---|', '| 2024年 | 马陆社区 | 4.42 | 2028年 |', '| 2025年 | 工业区1 | 14.00 | / |'].join('\n');
    expect(run(text).cells.map((c) => [c.region, c.metric, c.year, c.value])).toEqual([
      ['马陆社区', '面积（平方公里）', 2024, 4.42],
      ['工业区1', '面积（平方公里）', 2025, 14],
    ]);
  });

  it('reads a regular cell-per-paragraph table and warns about one with merged cells', () => {
    const regular = ['表2 系统方案编制计划表', '', '年份', '', '编制区域', '', '面积（平方公里）', '', '2024年', '', '马陆社区', '', '4.42', '', '2025年', '', '工业区1', '', '14.00', '', '（二）下一部分'].join('\n');
    const r = run(regular);
    expect(r.cells.map((c) => [c.table, c.region, c.metric, c.year, c.value])).toEqual([
      ['表2 系统方案编制计划表', '马陆社区', '面积（平方公里）', 2024, 4.42],
      ['表2 系统方案编制计划表', '工业区1', '面积（平方公里）', 2025, 14],
    ]);
    const merged = ['表1 达标计划表', '年份', '片区', '面积', '2024年', '远香湖南', '4.73', '嘉北公园二期', '10.46', '2025年', '黄渡大居', '4.27', '注：按100平方公里计。'].join('\n');
    const m = run(merged);
    expect(m.cells).toEqual([]);
    expect(m.warnings.map((w) => w.code)).toEqual(['table-shape']);
  });
});
