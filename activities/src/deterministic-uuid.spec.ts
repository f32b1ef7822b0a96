import { deterministicUuid } from './deterministic-uuid';

describe('deterministicUuid', () => {
  it('gives the same RFC 4122 v5 id for the same key and different ids for different keys', () => {
    const a = deterministicUuid('plan/1/市卫健委/-');
    expect(a).toBe(deterministicUuid('plan/1/市卫健委/-'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('plan/1/市发改委/-')).not.toBe(a);
  });
});
