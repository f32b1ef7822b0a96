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
  /**
   * API processes on one port (node's cluster: the primary only supervises them). An API process spends its one
   * thread's CPU on every request while PostgreSQL answers from every core, so on a machine of its own the API
   * serves the most with one process per core. Each process has its own database pool.
   */
  readonly apiProcesses: number;
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
  /** With seedOnStart, also publish the seed plans. */
  readonly seedPublish: boolean;
  /** With seedPublish, also play a believable history of actions over the published seed plans (demo data). */
  readonly seedHistory: boolean;
  /** When the daily digest goes out (cron, Asia/Shanghai). */
  readonly digestCron: string;
  /** How often the outbox relay looks for rows whose enqueue was lost. */
  readonly outboxRelayEveryMs: number;
  /** An outbox row this old and never attempted lost its enqueue. */
  readonly outboxRelayAfterMs: number;
  /** The worker's heartbeat file (docker's health check reads it); empty: $TMPDIR/duban-worker.heartbeat. */
  readonly workerHeartbeatFile: string;
  /** Longest a PDF may take to decode into text. */
  readonly pdfTimeoutMs: number;
  /** Where uploaded files (佐证材料) are kept: `local` disk or an S3-compatible store (MinIO, OSS, COS…). */
  readonly storageDriver: 'local' | 's3';
  /** Folder of the local driver (under the data folder by default). */
  readonly storageLocalDir: string;
  /** Largest evidence file accepted, in bytes (then 413). */
  readonly evidenceMaxBytes: number;
  /** S3 driver: endpoint URL (empty: AWS itself), bucket, region, credentials, path-style addressing (MinIO needs it). */
  readonly s3Endpoint: string;
  readonly s3Bucket: string;
  readonly s3Region: string;
  readonly s3AccessKeyId: string;
  readonly s3SecretAccessKey: string;
  readonly s3ForcePathStyle: boolean;
  /**
   * Workflows the worker keeps in memory between their tasks (Temporal's sticky
   * cache). Beyond it the least recent is evicted and replayed from its history
   * when it next wakes: the bound keeps a worker holding 100,000 idle assignments
   * in memory it can afford. Each cached workflow holds its own instance of the
   * bundled workflow code (Temporal isolates their globals): 2,000 of them outgrew
   * a 512 MiB heap during a 10,000-assignment rollout; 500 roll out as fast.
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
  apiProcesses: '1',
  logLevel: 'info',
  queuePrefix: 'duban',
  seedOnStart: 'false',
  seedsDir: 'seeds',
  updateTimeoutMs: '10000',
  requestTimeoutMs: '12000',
  repairEveryMs: '300000',
  seedPublish: 'true',
  seedHistory: 'true',
  digestCron: '0 18 * * *',
  outboxRelayEveryMs: '60000',
  outboxRelayAfterMs: '60000',
  workerHeartbeatFile: '',
  pdfTimeoutMs: '60000',
  storageDriver: 'local',
  storageLocalDir: '.data/evidence',
  evidenceMaxBytes: String(20 * 1024 * 1024),
  s3Endpoint: '',
  s3Bucket: 'duban-evidence',
  s3Region: 'us-east-1',
  s3AccessKeyId: '',
  s3SecretAccessKey: '',
  s3ForcePathStyle: 'true',
  workerMaxCachedWorkflows: '500',
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
  apiProcesses: 'API_PROCESSES',
  logLevel: 'LOG_LEVEL',
  queuePrefix: 'QUEUE_PREFIX',
  seedOnStart: 'DUBAN_SEED_ON_START',
  seedsDir: 'DUBAN_SEEDS_DIR',
  updateTimeoutMs: 'UPDATE_TIMEOUT_MS',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  repairEveryMs: 'REPAIR_EVERY_MS',
  seedPublish: 'DUBAN_SEED_PUBLISH',
  seedHistory: 'DUBAN_SEED_HISTORY',
  digestCron: 'DIGEST_CRON',
  outboxRelayEveryMs: 'OUTBOX_RELAY_EVERY_MS',
  outboxRelayAfterMs: 'OUTBOX_RELAY_AFTER_MS',
  workerHeartbeatFile: 'WORKER_HEARTBEAT_FILE',
  pdfTimeoutMs: 'DUBAN_PDF_TIMEOUT_MS',
  storageDriver: 'STORAGE_DRIVER',
  storageLocalDir: 'STORAGE_LOCAL_DIR',
  evidenceMaxBytes: 'EVIDENCE_MAX_BYTES',
  s3Endpoint: 'S3_ENDPOINT',
  s3Bucket: 'S3_BUCKET',
  s3Region: 'S3_REGION',
  s3AccessKeyId: 'S3_ACCESS_KEY_ID',
  s3SecretAccessKey: 'S3_SECRET_ACCESS_KEY',
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  workerMaxCachedWorkflows: 'WORKER_MAX_CACHED_WORKFLOWS',
  workerMaxConcurrentWorkflowTasks: 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
  workerMaxConcurrentActivities: 'WORKER_MAX_CONCURRENT_ACTIVITIES',
};
