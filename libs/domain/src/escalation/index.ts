export * from './escalation-levels';
export * from './report-cadence';
export * from './escalation-ladder';
export * from './reminders';
export * from './escalation-ladder-sql';
