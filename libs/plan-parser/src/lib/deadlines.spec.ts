import { findDeadlines } from './deadlines';
import { findRecurring } from './recurring';

describe('deadlines', () => {
  it('reads dated commitments with the year in force', () => {
    const d = findDeadlines('2025年上半年，赣榆区要启动试点，年底前各县全覆盖。2026年底前，各地建成医共体。到2024年6月完成改造；到2030年，比例达65%。');
    expect(d.map((x) => x.due)).toEqual(['2025-06-30', '2025-12-31', '2026-12-31', '2024-06-30', '2030-12-31']);
    expect(d[0].text).toBe('2025年上半年，赣榆区要启动试点，年底前各县全覆盖');
    expect(d[1].text).toBe('年底前各县全覆盖');
  });

  it('ignores ranges, cited titles and 年度', () => {
    expect(findDeadlines('落实《某某实施方案（2019~2023年）》要求。2022年至2024年，每年培养100名。2024年度考核。')).toEqual([]);
  });

  it('reads quarters and exact days', () => {
    expect(findDeadlines('2025年第三季度前完成，2024年3月15日前上报。').map((x) => x.due)).toEqual(['2025-09-30', '2024-03-15']);
  });
});

describe('recurring duties', () => {
  it('needs an explicit 每 + period', () => {
    const r = findRecurring('每年培训100人次，每2年轮训一次，每季度通报，每周不少于3天，每万人口配备2名，每个乡镇1家。');
    expect(r.map((x) => x.every)).toEqual(['year', '2 years', 'quarter', 'week']);
  });
});

describe('deadlines without a year and relative periods', () => {
  it('dates a month phrase in the year in force', () => {
    expect(findDeadlines('5月底取得明显成效并持续推进', 2022).map((d) => d.due)).toEqual(['2022-05-31']);
    expect(findDeadlines('11月份取得明显成效', 2022).map((d) => d.due)).toEqual(['2022-11-30']);
    expect(findDeadlines('每月开展一次调度，6个月内完成', 2022)).toEqual([]);
  });

  it('resolves 年内 / 一年内 / 三年内 against the issue date and marks them relative', () => {
    const ctx = { fallbackYear: 2024, issueDate: { year: 2024, month: 3, day: 18 } };
    const d = findDeadlines('年内新增老年助餐点50个，一年内实现全覆盖；三年内建设床位3000张。', ctx);
    expect(d.map((x) => [x.due, x.relative])).toEqual([
      ['2024-12-31', true],
      ['2025-03-17', true],
      ['2027-03-17', true],
    ]);
  });

  it('counts N年内 in calendar years from the text’s own anchor when there is no issue date', () => {
    expect(findDeadlines('5年内重点引进1万名人才。', { fallbackYear: null, anchorYear: 2012 }).map((d) => d.due)).toEqual(['2016-12-31']);
  });

  it('does not read periods inside noun phrases, ranges or mid-sentence years', () => {
    expect(findDeadlines('针对首年关税为零的2034种、5年内关税减让显著的2725种商品', { fallbackYear: 2022, issueDate: { year: 2022, month: 3, day: 23 } })).toEqual([]);
    expect(findDeadlines('2022年至2024年，每年培养100名乡村医生', 2022)).toEqual([]);
    expect(findDeadlines('加快推进，2026年持证上岗率达到90%', 2024).map((d) => d.due)).toEqual(['2026-12-31']);
  });
});
