import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM DataSource for Nest applications, from the shared options. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DUBAN_CONFIG],
      useFactory: (config: DubanConfig) => ({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
