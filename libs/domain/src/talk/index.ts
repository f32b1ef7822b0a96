export * from './talk-status';
