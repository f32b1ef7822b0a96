export * from './notification-kinds';
export * from './digest-date';
export * from './build-daily-digest';
