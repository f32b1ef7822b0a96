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
  /** Longest wait for an assignment action (a Temporal Update): then 503 with Retry-After, the Idempotency-Key released. */
  readonly updateTimeoutMs: number;
  /** Longest any API request may take before it answers 503 (server-sent event streams excepted). */
  readonly requestTimeoutMs: number;
  /**
   * How often the worker re-creates, from the record, the workflows of open assignments
   * that Temporal lost (also once at start); 0 turns it off.
   */
  readonly repairEveryMs: number;
  /**
   * Workflows the worker keeps in memory between their tasks (Temporal's sticky
   * cache). Beyond it the least recent is evicted and replayed from its history
   * when it next wakes: the bound keeps a worker holding 100,000 idle assignments
   * in memory it can afford.
   */
  readonly workerMaxCachedWorkflows: number;
  /** Workflow tasks one worker runs at once. */
  readonly workerMaxConcurrentWorkflowTasks: number;
  /** Activities one worker runs at once (each may hold a database connection). */
  readonly workerMaxConcurrentActivities: number;
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
  updateTimeoutMs: '10000',
  requestTimeoutMs: '12000',
  repairEveryMs: '300000',
  workerMaxCachedWorkflows: '2000',
  workerMaxConcurrentWorkflowTasks: '20',
  workerMaxConcurrentActivities: '40',
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
  updateTimeoutMs: 'UPDATE_TIMEOUT_MS',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  repairEveryMs: 'REPAIR_EVERY_MS',
  workerMaxCachedWorkflows: 'WORKER_MAX_CACHED_WORKFLOWS',
  workerMaxConcurrentWorkflowTasks: 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
  workerMaxConcurrentActivities: 'WORKER_MAX_CONCURRENT_ACTIVITIES',
};
