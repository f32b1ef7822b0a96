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
