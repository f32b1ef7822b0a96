import { firstTextProblem, isWebLink, MAX_TEXT_LENGTH, normalizeText, textProblem } from './text-rules';

describe('text rules', () => {
  it('accepts ordinary Chinese text with tabs and line breaks', () => {
    expect(textProblem('已完成方案制定，\n\t完成率 30%。')).toBeNull();
    expect(textProblem('')).toBeNull();
    expect(textProblem('emoji 👍 and 𠀀 (astral) are fine')).toBeNull();
  });

  it.each([
    ['\u0000', 'U+0000', 3],
    ['\u0007', 'U+0007', 3],
    ['\u001B', 'U+001B', 3],
    ['\u007F', 'U+007F', 3],
    ['\u0085', 'U+0085', 3],
    ['\r', 'U+000D', 3],
  ])('refuses the control character %j, naming it and its position', (character, name, position) => {
    const problem = textProblem(`进展${character}情况`);
    expect(problem).toEqual({ code: 'control_character', message: `含有不允许的控制字符 ${name}（第 ${position} 个字符）` });
  });

  it('normalises line breaks (CRLF, CR) to LF and Unicode to NFC', () => {
    expect(normalizeText('一\r\n二\r三')).toBe('一\n二\n三');
    expect(textProblem(normalizeText('一\r\n二'))).toBeNull();
    expect(normalizeText('Cafe\u0301')).toBe('Café');
    expect(normalizeText('Cafe\u0301')).toHaveLength(4);
    // Full-width characters are not compatibility-folded (NFC, not NFKC).
    expect(normalizeText('ＡＢＣ１２３')).toBe('ＡＢＣ１２３');
  });

  it('refuses lone surrogates', () => {
    expect(textProblem('a\uD800b')?.code).toBe('malformed');
    expect(textProblem('a\uDC00b')?.code).toBe('malformed');
    expect(textProblem('\uD83D\uDC4D')).toBeNull();
  });

  it('caps the length', () => {
    expect(textProblem('字'.repeat(MAX_TEXT_LENGTH))).toBeNull();
    expect(textProblem('字'.repeat(MAX_TEXT_LENGTH + 1))).toEqual({ code: 'too_long', message: `过长：最多 ${MAX_TEXT_LENGTH} 个字符，收到 ${MAX_TEXT_LENGTH + 1} 个` });
  });

  it('finds the first bad string at any depth, with its path', () => {
    expect(firstTextProblem({ type: 'reportProgress', text: '好', evidenceLinks: ['https://a.cn', 'https://b.cn/\u0000'] })).toMatchObject({ path: 'evidenceLinks.1', code: 'control_character' });
    expect(firstTextProblem({ type: 'accept' })).toBeNull();
    expect(firstTextProblem(['ok', { nested: { deep: 'x\u0001' } }])).toMatchObject({ path: '1.nested.deep' });
    expect(firstTextProblem(42)).toBeNull();
  });

  it('accepts only http and https links with a host', () => {
    for (const link of ['https://example.gov.cn/doc/1', 'http://oa/files?id=3#p2', 'HTTPS://EXAMPLE.CN']) expect(isWebLink(link)).toBe(true);
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://x.cn/a', '//x.cn/a', 'https://', 'https://user@evil.cn', 'https://a.cn/ b', 'vbscript:x', ' https://a.cn']) {
      expect(isWebLink(link)).toBe(false);
    }
  });
});
