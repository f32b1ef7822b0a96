import { findMentionedUnits } from './mentioned-units';

describe('mentioned units', () => {
  it('lists administrative actors in order, not hospitals', () => {
    const text =
      '各县（赣榆区）成立中心。县医院全面达标。2025年上半年，赣榆区要启动试点，年底前各县全覆盖。医保、卫健部门要共享数据。各级医保经办机构把转诊列入协议。各级医疗卫生机构落实政策。';
    expect(findMentionedUnits(text)).toEqual(['各县（赣榆区）', '赣榆区', '各县', '医保部门', '卫健部门', '各级医保经办机构']);
  });
});

describe('mentioned units in national documents', () => {
  it('reads governments after a preposition, and 各有关省（市）… phrases whole', () => {
    const text =
      '具体比例由西藏自治区人民政府研究确定。不足部分可由承担任务的省（市）人民政府予以补贴。各有关省（市）和部委要继续承办。各有关省（市）教育主管部门要明确专人。';
    expect(findMentionedUnits(text)).toEqual(['西藏自治区人民政府', '省（市）人民政府', '各有关省（市）和部委', '各有关省（市）教育主管部门']);
  });

  it('does not take a body named as a source (根据X的需求) for an actor', () => {
    expect(findMentionedUnits('根据西藏自治区人民政府对人才的需求意见，继续分流。')).toEqual([]);
  });
});
