import { formatTotal } from './format-total';

describe('formatTotal', () => {
  it('prints an exact total as it is, a capped one with "+", nothing loaded as 0', () => {
    expect(formatTotal({ total: 37 })).toBe('37');
    expect(formatTotal({ total: 1000, totalCapped: true })).toBe('1000+');
    expect(formatTotal(undefined)).toBe('0');
  });
});
