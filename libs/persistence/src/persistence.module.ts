import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { dataSourceOptions, RUNTIME_STATEMENT_TIMEOUT_MS } from './data-source-options';
import { handleConnectionErrors } from './pool-error-handlers';

const logger = new Logger('PostgreSQL');

/** The TypeORM DataSource for Nest applications, from the shared options. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DUBAN_CONFIG],
      useFactory: (config: DubanConfig) => ({ ...dataSourceOptions(config.databaseUrl, { statementTimeoutMs: RUNTIME_STATEMENT_TIMEOUT_MS }), retryAttempts: 3, retryDelay: 1000 }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        handleConnectionErrors(dataSource, (error) => logger.warn(`a database connection was lost: ${error.message}`));
        return dataSource;
      },
    }),
  ],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
