export * from './activities.module';
export * from './plan-import.activities';
export * from './plan-rollout.activities';
export * from './assignment.activities';
export * from './assignment-starter';
export * from './deterministic-uuid';
export * from './failure-classification';
export * from './assignment-repair.activities';
