import { truncateUtf8, utf8Length } from './truncate-utf8';

describe('truncateUtf8', () => {
  it('counts UTF-8 bytes: 3 per Chinese character, 4 per emoji', () => {
    expect(utf8Length('督办')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('a')).toBe(1);
  });

  it('returns text within the limit unchanged', () => {
    expect(truncateUtf8('督办系统', 12)).toBe('督办系统');
  });

  it('cuts Chinese text between characters and adds the ellipsis within the limit', () => {
    // 10 bytes: the ellipsis (3 bytes) leaves 7, room for two characters.
    expect(truncateUtf8('督办系统通知', 10)).toBe('督办…');
    expect(utf8Length(truncateUtf8('督办系统通知', 10))).toBeLessThanOrEqual(10);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateUtf8('😀😀😀', 9);
    expect(cut).toBe('😀…');
  });

  it('never splits an emoji sequence or a combining mark', () => {
    const family = '👨‍👩‍👧';
    expect(truncateUtf8(`${family}${family}`, utf8Length(family) + 5)).toBe(`${family}…`);
    expect(truncateUtf8('e\u0301e\u0301e\u0301', 6)).toBe('e\u0301…');
  });

  it('supports another ellipsis and a limit below the ellipsis size', () => {
    expect(truncateUtf8('abcdef', 4, '..')).toBe('ab..');
    expect(truncateUtf8('abcdef', 2, '...')).toBe('');
  });
});
