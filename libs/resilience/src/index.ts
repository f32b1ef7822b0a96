export * from './error-kind';
export * from './deadline';
export * from './process-safety';
