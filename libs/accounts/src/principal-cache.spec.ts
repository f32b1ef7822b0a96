import type { UserEntity } from '@duban/persistence';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';

describe('PrincipalCache', () => {
  const user = (version: number) => ({ id: 'u1', tokenVersion: version }) as UserEntity;

  it('serves a user from memory for PRINCIPAL_CACHE_MS, then reads it again', async () => {
    const cache = new PrincipalCache();
    const load = jest.fn(async () => user(1));
    expect(await cache.get('u1', load, 0)).toMatchObject({ tokenVersion: 1 });
    expect(await cache.get('u1', load, PRINCIPAL_CACHE_MS - 1)).toMatchObject({ tokenVersion: 1 });
    expect(load).toHaveBeenCalledTimes(1);
    load.mockResolvedValue(user(2));
    expect(await cache.get('u1', load, PRINCIPAL_CACHE_MS)).toMatchObject({ tokenVersion: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads again at once after invalidate (a change made through this process)', async () => {
    const cache = new PrincipalCache();
    const load = jest.fn(async () => user(1));
    await cache.get('u1', load, 0);
    cache.invalidate('u1');
    load.mockResolvedValue(user(2));
    expect(await cache.get('u1', load, 1)).toMatchObject({ tokenVersion: 2 });
  });

  it('does not remember a user that does not exist', async () => {
    const cache = new PrincipalCache();
    const load = jest.fn(async () => null);
    expect(await cache.get('u1', load, 0)).toBeNull();
    expect(await cache.get('u1', load, 1)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
