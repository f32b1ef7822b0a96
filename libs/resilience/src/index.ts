export * from './error-kind';
export * from './deadline';
