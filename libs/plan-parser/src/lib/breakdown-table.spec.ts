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
