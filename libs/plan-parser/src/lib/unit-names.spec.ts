import { inheritPrefixes, splitPlace, splitTopLevel } from './unit-names';

describe('unit names', () => {
  it('splits at bracket depth 0 only', () => {
    expect(splitTopLevel('各县（市、区）政府、市财政局', '、')).toEqual(['各县（市、区）政府', '市财政局']);
    expect(splitTopLevel('（（（a、b', '、')).toEqual(['（（（a', 'b']);
  });

  it.each([
    ['市卫生健康委', '市', '卫生健康委'],
    ['旗县区党委', '旗县区', '党委'],
    ['县市区人民政府', '县市区', '人民政府'],
    ['各县（市、区）政府', '各县（市、区）', '政府'],
    ['江北新区管委会', '江北新区', '管委会'],
    ['南京市卫健委', '南京市', '卫健委'],
    ['市市场监管局', '市', '市场监管局'],
    ['市场监管局', '', '市场监管局'],
    ['城市管理局', '', '城市管理局'],
    ['市民政局', '市', '民政局'],
    ['发展改革委', '', '发展改革委'],
  ])('splitPlace(%s)', (name, place, body) => {
    expect(splitPlace(name)).toEqual({ place, body });
  });

  it('inherits place prefixes both ways', () => {
    expect(inheritPrefixes(['市卫生健康委', '发展改革委', '旗县区党委', '政府'])).toEqual(['市卫生健康委', '市发展改革委', '旗县区党委', '旗县区政府']);
    expect(inheritPrefixes(['各区', '县（市）政府'])).toEqual(['各区政府', '县（市）政府']);
    expect(inheritPrefixes(['市委编办', '卫生健康委'])).toEqual(['市委编办', '市卫生健康委']);
    expect(inheritPrefixes(['县生态环境局', '市场监管局'])).toEqual(['县生态环境局', '县市场监管局']);
  });

  it('leaves units "directly under" a level (市直各部门) as they are', () => {
    expect(inheritPrefixes(['市政务服务局', '市直各部门'])).toEqual(['市政务服务局', '市直各部门']);
    expect(inheritPrefixes(['省直有关单位', '财政厅'])).toEqual(['省直有关单位', '财政厅']);
  });
});

describe('unit names across layouts', () => {
  it('splits outside 〔〕 too', () => {
    expect(splitTopLevel('各县〔市、区〕人民政府、市财政局', '、')).toEqual(['各县〔市、区〕人民政府', '市财政局']);
  });

  it('gives a prefix only to abbreviated departments, never to full names', () => {
    expect(inheritPrefixes(['省商务厅', '合肥海关', '人行合肥中心支行'])).toEqual(['省商务厅', '合肥海关', '人行合肥中心支行']);
    expect(inheritPrefixes(['市工商局', '团市委'])).toEqual(['市工商局', '团市委']);
    expect(inheritPrefixes(['县教育局', '发展改革局', '各乡镇人民政府'])).toEqual(['县教育局', '县发展改革局', '各乡镇人民政府']);
    expect(inheritPrefixes(['市民政局', '滨江市医疗保障局', '卫生健康委'])).toEqual(['市民政局', '滨江市医疗保障局', '滨江市卫生健康委']);
  });
});

describe('internal divisions', () => {
  it('gives a bare division the body of the division before it', () => {
    expect(inheritPrefixes(['市交通委科技信息处', '港务监管处', '综合规划处', '市港航中心'])).toEqual(['市交通委科技信息处', '市交通委港务监管处', '市交通委综合规划处', '市港航中心']);
    expect(inheritPrefixes(['市交通委执法总队', '上海海事局', '市交通委港务监管处', '科技信息处'])).toEqual([
      '市交通委执法总队',
      '上海海事局',
      '市交通委港务监管处',
      '市交通委科技信息处',
    ]);
  });

  it('leaves a division alone when no division of a body precedes it', () => {
    expect(inheritPrefixes(['市交通委', '港务监管处'])).toEqual(['市交通委', '港务监管处']);
  });
});
