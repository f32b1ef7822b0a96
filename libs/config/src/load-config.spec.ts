import { CONFIG_DEFAULTS, loadConfig } from './index';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe(CONFIG_DEFAULTS.databaseUrl);
    expect(config.apiPort).toBe(3000);
    expect(config.seedOnStart).toBe(false);
    expect(config.temporalTaskQueue).toBe('duban');
    expect(config.updateTimeoutMs).toBe(10_000);
    expect(config.requestTimeoutMs).toBe(12_000);
    expect(config.storageDriver).toBe('local');
    expect(config.storageLocalDir).toBe('.data/evidence');
    expect(config.evidenceMaxBytes).toBe(20 * 1024 * 1024);
    expect(config.s3Endpoint).toBe('');
    expect(config.apiProcesses).toBe(1);
  });

  it('reads overrides and treats empty strings as unset', () => {
    const config = loadConfig({ API_PORT: '8080', REDIS_URL: '', DUBAN_SEED_ON_START: 'yes', API_PROCESSES: '2' });
    expect(config.apiPort).toBe(8080);
    expect(config.apiProcesses).toBe(2);
    expect(config.redisUrl).toBe(CONFIG_DEFAULTS.redisUrl);
    expect(config.seedOnStart).toBe(true);
  });

  it.each([
    [{ API_PORT: 'eighty' }, /API_PORT must be a TCP port/],
    [{ API_PORT: '70000' }, /API_PORT must be a TCP port/],
    [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL must use postgres:/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a URL/],
    [{ DUBAN_SEED_ON_START: 'maybe' }, /DUBAN_SEED_ON_START must be true or false/],
    [{ UPDATE_TIMEOUT_MS: '0' }, /UPDATE_TIMEOUT_MS must be a positive number of milliseconds/],
    [{ REQUEST_TIMEOUT_MS: 'soon' }, /REQUEST_TIMEOUT_MS must be a positive number of milliseconds/],
    [{ STORAGE_DRIVER: 'ftp' }, /STORAGE_DRIVER must be one of local, s3/],
    [{ EVIDENCE_MAX_BYTES: '-1' }, /EVIDENCE_MAX_BYTES must be a positive whole number/],
    [{ API_PROCESSES: '0' }, /API_PROCESSES must be a whole number of at least 1/],
    [{ API_PROCESSES: 'auto' }, /API_PROCESSES must be a whole number of at least 1/],
    [{ S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must use http: or https:/],
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('settings moved into the one loader', () => {
  it('reads the worker, seeding and PDF settings with their documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ seedPublish: true, digestCron: '0 18 * * *', outboxRelayEveryMs: 60_000, outboxRelayAfterMs: 60_000, pdfTimeoutMs: 60_000 });
    expect(config.workerHeartbeatFile).toMatch(/duban-worker\.heartbeat$/);
    expect(loadConfig({ DUBAN_SEED_PUBLISH: 'false', OUTBOX_RELAY_EVERY_MS: '5000', WORKER_HEARTBEAT_FILE: '/tmp/beat', DIGEST_CRON: ' 0 9 * * * ' })).toMatchObject({
      seedPublish: false,
      outboxRelayEveryMs: 5000,
      workerHeartbeatFile: '/tmp/beat',
      digestCron: '0 9 * * *',
    });
    expect(() => loadConfig({ OUTBOX_RELAY_AFTER_MS: 'soon' })).toThrow('OUTBOX_RELAY_AFTER_MS');
  });
});
