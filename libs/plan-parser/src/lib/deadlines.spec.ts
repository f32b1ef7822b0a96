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

describe('deadlines in national documents', () => {
  it('does not take a policy window (2019年1月1日至2020年12月31日) for a deadline', () => {
    expect(findDeadlines('2019年1月1日至2020年12月31日，对其中就业困难人员给予补贴。', 2018)).toEqual([]);
  });

  it('counts 印发之日起N日内 from the issue date, the issue day being the first', () => {
    const ctx = { fallbackYear: 2018, issueDate: { year: 2018, month: 11, day: 16 } };
    const d = findDeadlines('各省级人民政府要在本意见印发之日起30日内，制定出台具体实施办法。', ctx);
    expect(d.map((x) => [x.due, x.relative, x.text])).toEqual([['2018-12-15', true, '本意见印发之日起30日内，制定出台具体实施办法']]);
    expect(findDeadlines('自印发之日起三个月内完成清理。', ctx).map((x) => x.due)).toEqual(['2019-02-15']);
    expect(findDeadlines('自印发之日起30日内完成。', 2018)).toEqual([]);
  });

  it('reads a year opening a clause with an extension target, not a yearly review point', () => {
    expect(findDeadlines('在6座公园先行试点，2028年逐步扩大至全市范围。', 2026).map((x) => x.due)).toEqual(['2028-12-31']);
    expect(findDeadlines('强化前期自查、年中指导、年末检查。', 2024)).toEqual([]);
    expect(findDeadlines('年底前完成检查。', 2024).map((x) => x.due)).toEqual(['2024-12-31']);
  });
});

describe('recurring duties and entitlements', () => {
  it('does not take a per-person entitlement (每人每年只享受一次) for a duty', () => {
    expect(findRecurring('生活费补贴政策每人每年只享受一次。每年开展一次评估。').map((x) => x.every)).toEqual(['year']);
  });
});
