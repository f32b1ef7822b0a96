import { districtsOf, isCollectiveUnit, looksCollective, unitForRegion } from './collective-units';

describe('collective units', () => {
  it.each([
    ['各区人民政府', true],
    ['各县（市、区）政府', true],
    ['各地', true],
    ['县市区人民政府', true],
    ['旗县区政府', true],
    ['县（市、区）政府（管委会）', true],
    ['市卫健委', false],
    ['江北新区管委会', false],
    ['崇川区人民政府', false],
  ])('%s collective=%s', (name, collective) => {
    expect(looksCollective(name)).toBe(collective);
    expect(isCollectiveUnit(name)).toBe(collective);
  });

  it('a directory key is collective whatever its name', () => {
    expect(isCollectiveUnit('全市各板块', { 全市各板块: ['a'] })).toBe(true);
    expect(isCollectiveUnit('市直单位', { 市直单位: ['市卫健委'] })).toBe(true);
  });

  it('expands from a map or a plain district list', () => {
    const map = { 各区人民政府: ['玄武区', { region: '秦淮区', unit: '秦淮区人民政府' }] };
    expect(districtsOf('各区人民政府', map)).toEqual([
      { region: '玄武区', unit: '玄武区' },
      { region: '秦淮区', unit: '秦淮区人民政府' },
    ]);
    expect(districtsOf('各县（市、区）政府', map)).toBeNull();
    expect(districtsOf('各地', ['海安', '如皋'])).toEqual([
      { region: '海安', unit: '海安' },
      { region: '如皋', unit: '如皋' },
    ]);
    expect(districtsOf('市卫健委', ['海安'])).toBeNull();
    expect(districtsOf('各地', [])).toBeNull();
    expect(districtsOf('各地', { 各地: [] })).toBeNull();
    expect(districtsOf('各地')).toBeNull();
  });

  it('finds the unit for a region', () => {
    const map = { 各县市区: [{ region: '海安', unit: '海安市人民政府' }] };
    expect(unitForRegion('海安', map)).toBe('海安市人民政府');
    expect(unitForRegion('如皋', map)).toBeNull();
    expect(unitForRegion('如皋', ['如皋'])).toBe('如皋');
    expect(unitForRegion('如皋')).toBeNull();
  });
});
