export * from './activities.module';
export * from './plan-import.activities';
