import { MAX_TEXT_LENGTH } from '@duban/domain';
import { sanitizeInput } from './input-sanitizer';

describe('sanitizeInput', () => {
  it('passes ordinary input through, normalising line breaks and Unicode (NFC)', () => {
    const { value, problems } = sanitizeInput({ text: '第一行\r\n第二行 Cafe\u0301', percent: 30, links: ['https://a.cn'], nested: { ok: true } });
    expect(problems).toEqual([]);
    expect(value).toEqual({ text: '第一行\n第二行 Café', percent: 30, links: ['https://a.cn'], nested: { ok: true } });
  });

  it('refuses NUL and other control characters anywhere, naming the field', () => {
    const { problems } = sanitizeInput({ text: 'a\u0000b', units: ['市卫健委', '市\u0007发改委'], deadlines: [{ due: '2027-12-31', text: '\u001b[31m' }] });
    expect(problems.map((problem) => problem.field)).toEqual(['text', 'units.1', 'deadlines.0.text']);
    expect(problems[0]!.message).toBe('字段 text 含有不允许的控制字符 U+0000（第 2 个字符）');
  });

  it('refuses explicit nulls with a field message', () => {
    const { problems } = sanitizeInput({ units: null, lead: ['x'], deadlines: [null] });
    expect(problems).toEqual([
      { field: 'units', message: '字段 units 不能为 null：不修改的字段请省略' },
      { field: 'deadlines.0', message: '字段 deadlines.0 不能为 null：不修改的字段请省略' },
    ]);
  });

  it('refuses prototype keys and never lets them reach a prototype', () => {
    const body = JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, "reason": "ok"}') as unknown;
    const { value, problems } = sanitizeInput(body);
    expect(problems.map((problem) => problem.field)).toEqual(['__proto__', 'constructor']);
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('refuses control characters in key names', () => {
    expect(sanitizeInput({ 'a\u0000': 1 }).problems).toEqual([{ field: 'a\\u0000', message: '字段名含有不允许的控制字符 U+0000（第 2 个字符）' }]);
  });

  it('caps text length and nesting', () => {
    expect(sanitizeInput({ text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }).problems[0]!.message).toContain(`最多 ${MAX_TEXT_LENGTH} 个字符`);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 12; i += 1) deep = { deep };
    expect(sanitizeInput(deep).problems[0]!.message).toContain('嵌套过深');
  });

  it('checks a path parameter under its own name', () => {
    expect(sanitizeInput('市卫健委\u0000', 'unit').problems).toEqual([{ field: 'unit', message: '字段 unit 含有不允许的控制字符 U+0000（第 5 个字符）' }]);
    expect(sanitizeInput('市卫健委', 'unit')).toEqual({ value: '市卫健委', problems: [] });
  });
});
