export * from './duban-config';
export * from './load-config';
export * from './config.module';
export * from './process-environment';
