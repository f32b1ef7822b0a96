import { printable, REDACTED, summarizeBody } from './redact-body';

describe('summarizeBody', () => {
  it('replaces passwords, tokens and other secrets, at any depth', () => {
    const summary = summarizeBody({
      username: 'admin',
      password: 'admin123',
      currentPassword: 'a',
      newPassword: 'b',
      refreshToken: 'r',
      nested: { apiKey: 'k', client_secret: 's', note: 'keep me' },
      list: [{ accessToken: 't' }],
    });
    expect(summary).toEqual({
      username: 'admin',
      password: REDACTED,
      currentPassword: REDACTED,
      newPassword: REDACTED,
      refreshToken: REDACTED,
      nested: { apiKey: REDACTED, client_secret: REDACTED, note: 'keep me' },
      list: [{ accessToken: REDACTED }],
    });
    expect(JSON.stringify(summary)).not.toMatch(/admin123/);
  });

  it('drops JWT-looking values whatever the field is called', () => {
    expect(summarizeBody({ note: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' })).toEqual({ note: REDACTED });
  });

  it('truncates long strings and arrays and cuts deep nesting', () => {
    const summary = summarizeBody({ text: 'x'.repeat(500), items: Array.from({ length: 25 }, (_, i) => i), a: { b: { c: { d: { e: 1 } } } } });
    expect(summary?.text).toBe(`${'x'.repeat(200)}…[500 chars]`);
    expect(summary?.items).toEqual([...Array.from({ length: 20 }, (_, i) => i), '[+5 more]']);
    expect(summary?.a).toEqual({ b: { c: { d: '[…]' } } });
  });

  it('keeps only field names of a huge body', () => {
    const body = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field${i}`, 'y'.repeat(200)]));
    expect(summarizeBody(body)).toEqual({ _truncated: true, _fields: Object.keys(body).slice(0, 50) });
  });

  it('is null for empty bodies and describes non-objects', () => {
    expect(summarizeBody(undefined)).toBeNull();
    expect(summarizeBody({})).toBeNull();
    expect(summarizeBody(Buffer.from('abc'))).toEqual({ _body: '[3 bytes]' });
    expect(summarizeBody([1, 2])).toEqual({ _items: [1, 2] });
  });
});

describe('printable', () => {
  it('writes control characters and lone surrogates as \\uXXXX, so a refused request can still be audited', () => {
    expect(printable('a\u0000b\u001b\n\tc')).toBe('a\\u0000b\\u001b\n\tc');
    expect(printable('x\uD800y')).toBe('x\\ud800y');
    expect(printable('👍 市卫健委')).toBe('👍 市卫健委');
    expect(summarizeBody({ 'k\u0000': 'v\u0000' })).toEqual({ 'k\\u0000': 'v\\u0000' });
  });
});
