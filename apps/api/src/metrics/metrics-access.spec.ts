import { isLoopbackAddress, metricsAccess } from './metrics-access';

describe('metrics access', () => {
  it('recognises loopback peers only', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.0.1'].map(isLoopbackAddress)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', undefined].map(isLoopbackAddress)).toEqual([false, false, false, false]);
  });

  it('allows loopback without a configured token, and nobody else', () => {
    expect(metricsAccess(null, null, '127.0.0.1')).toBe('allowed');
    expect(metricsAccess(null, 'anything', '10.1.2.3')).toBe('loopback_only');
  });

  it('requires the configured token from everyone, loopback included', () => {
    expect(metricsAccess('s3cret', 's3cret', '10.1.2.3')).toBe('allowed');
    expect(metricsAccess('s3cret', null, '127.0.0.1')).toBe('token_required');
    expect(metricsAccess('s3cret', 's3cret-not', '127.0.0.1')).toBe('token_required');
  });
});
