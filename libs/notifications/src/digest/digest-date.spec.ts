import { chineseDate, digestDateOf, isDigestDate } from './digest-date';

describe('digest dates', () => {
  it('takes the Beijing calendar date of an instant', () => {
    expect(digestDateOf(Date.UTC(2025, 2, 14, 15, 59, 59))).toBe('2025-03-14');
    expect(digestDateOf(Date.UTC(2025, 2, 14, 16, 0, 0))).toBe('2025-03-15');
    expect(digestDateOf(Date.UTC(2024, 11, 31, 16, 0, 0))).toBe('2025-01-01');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isDigestDate('2024-02-29')).toBe(true);
    expect(isDigestDate('2025-02-29')).toBe(false);
    expect(isDigestDate('2025-13-01')).toBe(false);
    expect(isDigestDate('2025-3-1')).toBe(false);
    expect(isDigestDate('2025-03-01T00:00')).toBe(false);
  });

  it('writes the date the Chinese way', () => {
    expect(chineseDate('2025-03-04')).toBe('2025年3月4日');
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
    expect(() => chineseDate('04/03/2025')).toThrow(RangeError);
  });
});
