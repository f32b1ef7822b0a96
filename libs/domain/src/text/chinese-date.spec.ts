import { chineseDate } from './chinese-date';

describe('chineseDate', () => {
  it('writes a business date without leading zeros', () => {
    expect(chineseDate('2026-06-30')).toBe('2026年6月30日');
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
  });

  it('leaves anything else as it is', () => {
    expect(chineseDate('2026年6月30日')).toBe('2026年6月30日');
    expect(chineseDate('2026-6-30')).toBe('2026-6-30');
    expect(chineseDate('2026-06-30T08:00:00Z')).toBe('2026-06-30T08:00:00Z');
    expect(chineseDate('')).toBe('');
  });
});
