/**
 * Every setting Duban reads from the environment, with the documented local
 * default. The README's configuration table is the user-facing copy of this list.
 */
export interface DubanConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly temporalTaskQueue: string;
  readonly apiPort: number;
  readonly apiHost: string;
  readonly logLevel: string;
  /** Prefix of every BullMQ key in Redis, so several deployments (or test runs) share one Redis safely. */
  readonly queuePrefix: string;
  /** Import the plans in seeds/plans on start when the database holds none. */
  readonly seedOnStart: boolean;
  /** Folder of seed data (plans, unit directories). */
  readonly seedsDir: string;
}

export const CONFIG_DEFAULTS: { readonly [K in keyof DubanConfig]: string } = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/duban',
  redisUrl: 'redis://127.0.0.1:6379',
  temporalAddress: '127.0.0.1:7233',
  temporalNamespace: 'default',
  temporalTaskQueue: 'duban',
  apiPort: '3000',
  apiHost: '0.0.0.0',
  logLevel: 'info',
  queuePrefix: 'duban',
  seedOnStart: 'false',
  seedsDir: 'seeds',
};

/** Environment variable behind each setting. */
export const CONFIG_ENV_NAMES: { readonly [K in keyof DubanConfig]: string } = {
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  temporalAddress: 'TEMPORAL_ADDRESS',
  temporalNamespace: 'TEMPORAL_NAMESPACE',
  temporalTaskQueue: 'TEMPORAL_TASK_QUEUE',
  apiPort: 'API_PORT',
  apiHost: 'API_HOST',
  logLevel: 'LOG_LEVEL',
  queuePrefix: 'QUEUE_PREFIX',
  seedOnStart: 'DUBAN_SEED_ON_START',
  seedsDir: 'DUBAN_SEEDS_DIR',
};
