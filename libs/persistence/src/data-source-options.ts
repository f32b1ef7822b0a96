import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one TypeORM configuration, shared by Nest (TypeOrmModule), the CLI
 * (migrations, seeding) and the tests. Schema changes only through migrations.
 */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<{ poolSize: number; applicationName: string }> = {}): DataSourceOptions {
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
  } as DataSourceOptions;
}
