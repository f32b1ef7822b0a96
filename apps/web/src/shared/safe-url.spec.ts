import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('keeps http and https links', () => {
    expect(safeHttpUrl('https://example.gov.cn/a?b=1')).toBe('https://example.gov.cn/a?b=1');
    expect(safeHttpUrl(' http://example.gov.cn ')).toBe('http://example.gov.cn/');
  });

  it('refuses script, data and relative links', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHttpUrl('/relative/path')).toBeNull();
    expect(safeHttpUrl('不是链接')).toBeNull();
  });
});
