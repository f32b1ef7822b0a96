import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** How long opening a connection may take (a database that is down answers 503 after this). */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Statement bound of the API and the worker (a frozen database cannot hold a connection forever). */
export const RUNTIME_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * The one TypeORM configuration, shared by Nest (TypeOrmModule), the CLI
 * (migrations, seeding) and the tests. Schema changes only through migrations.
 */
export function dataSourceOptions(
  databaseUrl: string,
  overrides: Partial<{ poolSize: number; applicationName: string; statementTimeoutMs: number }> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension to install.
    uuidExtension: 'pgcrypto',
    logging: ['error', 'migration'],
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'duban',
    // A database that is down or unreachable fails a request within seconds instead of hanging it.
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    extra: {
      keepAlive: true,
      // Long-running processes (API, worker) bound every statement; migrations do not.
      ...(overrides.statementTimeoutMs !== undefined
        ? { statement_timeout: overrides.statementTimeoutMs, query_timeout: overrides.statementTimeoutMs + 5_000, idle_in_transaction_session_timeout: 60_000 }
        : {}),
    },
  } as DataSourceOptions;
}
