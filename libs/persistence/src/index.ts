export * from './entities';
export * from './migrations';
export * from './data-source-options';
export * from './ensure-database';
export * from './run-migrations';
export * from './generate-migration';
export * from './persistence.module';
export * from './pool-error-handlers';
