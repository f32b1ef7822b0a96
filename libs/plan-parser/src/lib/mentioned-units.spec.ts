import { findMentionedUnits } from './mentioned-units';

describe('mentioned units', () => {
  it('lists administrative actors in order, not hospitals', () => {
    const text =
      '各县（赣榆区）成立中心。县医院全面达标。2025年上半年，赣榆区要启动试点，年底前各县全覆盖。医保、卫健部门要共享数据。各级医保经办机构把转诊列入协议。各级医疗卫生机构落实政策。';
    expect(findMentionedUnits(text)).toEqual(['各县（赣榆区）', '赣榆区', '各县', '医保部门', '卫健部门', '各级医保经办机构']);
  });
});
