import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_DEFAULTS, CONFIG_ENV_NAMES, DubanConfig } from './duban-config';
import { processEnvironment } from './process-environment';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from an environment map; fails fast with the variable's name on a bad value. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = processEnvironment()): DubanConfig {
  const raw = (key: keyof DubanConfig): string => {
    const value = env[CONFIG_ENV_NAMES[key]];
    return value === undefined || value === '' ? CONFIG_DEFAULTS[key] : value;
  };
  const port = (key: keyof DubanConfig): number => {
    const value = Number(raw(key));
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must be a TCP port number, got "${raw(key)}"`);
    }
    return value;
  };
  const flag = (key: keyof DubanConfig): boolean => {
    const value = raw(key).toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must be true or false, got "${raw(key)}"`);
  };
  const milliseconds = (key: keyof DubanConfig, minimum = 1): number => {
    const value = Number(raw(key));
    if (!Number.isInteger(value) || value < minimum) {
      throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must be a ${minimum === 0 ? 'whole' : 'positive'} number of milliseconds, got "${raw(key)}"`);
    }
    return value;
  };
  const positiveInteger = (key: keyof DubanConfig): number => {
    const value = Number(raw(key));
    if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must be a positive whole number, got "${raw(key)}"`);
    return value;
  };
  const oneOf = <T extends string>(key: keyof DubanConfig, values: readonly T[]): T => {
    const value = raw(key);
    if (!(values as readonly string[]).includes(value)) throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must be one of ${values.join(', ')}, got "${value}"`);
    return value as T;
  };
  const count = (key: keyof DubanConfig): number => {
    const value = Number(raw(key));
    if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must be a whole number of at least 1, got "${raw(key)}"`);
    return value;
  };
  const url = (key: keyof DubanConfig, protocols: readonly string[]): string => {
    const value = raw(key);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(`${CONFIG_ENV_NAMES[key]} is not a URL: "${value}"`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`${CONFIG_ENV_NAMES[key]} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    }
    return value;
  };

  return {
    databaseUrl: url('databaseUrl', ['postgres:', 'postgresql:']),
    redisUrl: url('redisUrl', ['redis:', 'rediss:']),
    temporalAddress: raw('temporalAddress'),
    temporalNamespace: raw('temporalNamespace'),
    temporalTaskQueue: raw('temporalTaskQueue'),
    apiPort: port('apiPort'),
    apiHost: raw('apiHost'),
    apiProcesses: count('apiProcesses'),
    logLevel: raw('logLevel'),
    queuePrefix: raw('queuePrefix'),
    seedOnStart: flag('seedOnStart'),
    seedsDir: raw('seedsDir'),
    updateTimeoutMs: milliseconds('updateTimeoutMs'),
    requestTimeoutMs: milliseconds('requestTimeoutMs'),
    repairEveryMs: milliseconds('repairEveryMs', 0),
    seedPublish: flag('seedPublish'),
    seedHistory: flag('seedHistory'),
    digestCron: raw('digestCron').trim(),
    outboxRelayEveryMs: milliseconds('outboxRelayEveryMs'),
    outboxRelayAfterMs: milliseconds('outboxRelayAfterMs'),
    workerHeartbeatFile: raw('workerHeartbeatFile') || join(tmpdir(), 'duban-worker.heartbeat'),
    pdfTimeoutMs: milliseconds('pdfTimeoutMs'),
    storageDriver: oneOf('storageDriver', ['local', 's3'] as const),
    storageLocalDir: raw('storageLocalDir'),
    evidenceMaxBytes: positiveInteger('evidenceMaxBytes'),
    s3Endpoint: env[CONFIG_ENV_NAMES.s3Endpoint] ? url('s3Endpoint', ['http:', 'https:']) : '',
    s3Bucket: raw('s3Bucket'),
    s3Region: raw('s3Region'),
    s3AccessKeyId: raw('s3AccessKeyId'),
    s3SecretAccessKey: raw('s3SecretAccessKey'),
    s3ForcePathStyle: flag('s3ForcePathStyle'),
    workerMaxCachedWorkflows: count('workerMaxCachedWorkflows'),
    workerMaxConcurrentWorkflowTasks: count('workerMaxConcurrentWorkflowTasks'),
    workerMaxConcurrentActivities: count('workerMaxConcurrentActivities'),
  };
}
