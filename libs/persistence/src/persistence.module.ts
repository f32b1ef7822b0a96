import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { dataSourceOptions, RUNTIME_STATEMENT_TIMEOUT_MS } from './data-source-options';

/** The TypeORM DataSource for Nest applications, from the shared options. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DUBAN_CONFIG],
      useFactory: (config: DubanConfig) => ({ ...dataSourceOptions(config.databaseUrl, { statementTimeoutMs: RUNTIME_STATEMENT_TIMEOUT_MS }), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
