import { DEFAULT_DIRECTORY } from './default-directory';
import { mergeDirectories, resolveUnit } from './unit-directory';

describe('resolveUnit', () => {
  const nanjing = mergeDirectories(DEFAULT_DIRECTORY, {
    city: '南京市',
    aliases: { 江北新区: 'jiangbei' },
    units: [{ id: 'jiangbei', name: '江北新区管委会', aliases: [], kind: 'government' }],
    districts: ['玄武区'],
  });

  it('maps aliases and city names onto canonical units', () => {
    for (const n of ['市卫健委', '市卫生健康委', '市卫生健康委员会', '卫生健康部门', '卫健部门', '南京市卫健委']) {
      expect(resolveUnit(nanjing, n)?.id).toBe('health');
    }
    expect(resolveUnit(nanjing, '江北新区')?.name).toBe('江北新区管委会');
  });

  it('recognises governments by form and other levels by body', () => {
    expect(resolveUnit(nanjing, '各区人民政府')?.kind).toBe('collective');
    expect(resolveUnit(nanjing, '县生态环境局')?.name).toBe('县生态环境局');
  });

  it('returns null for unknown names', () => {
    expect(resolveUnit(nanjing, '市水务集团')).toBeNull();
  });
});
