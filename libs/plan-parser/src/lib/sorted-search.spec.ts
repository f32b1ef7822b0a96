import { lastAtOrBefore } from './sorted-search';

describe('lastAtOrBefore', () => {
  it('finds the last element at or before the value', () => {
    const a = [0, 10, 10, 25, 40];
    expect(lastAtOrBefore(a, 0)).toBe(0);
    expect(lastAtOrBefore(a, 9)).toBe(0);
    expect(lastAtOrBefore(a, 10)).toBe(2);
    expect(lastAtOrBefore(a, 24)).toBe(2);
    expect(lastAtOrBefore(a, 40)).toBe(4);
    expect(lastAtOrBefore(a, 1000)).toBe(4);
  });
  it('answers 0 when nothing is at or before the value, or the array is empty', () => {
    expect(lastAtOrBefore([5, 6], 1)).toBe(0);
    expect(lastAtOrBefore([], 3)).toBe(0);
  });
});
