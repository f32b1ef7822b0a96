// Types, ids and message definitions shared with clients and activities (no
// workflow functions here, so importing this file outside the sandbox is safe).
export * from './plan-import.contract';
export * from './plan-rollout.contract';
export * from './assignment.contract';
export * from './run-settings';
export * from './activity-failures.contract';
export * from './assignment-repair.contract';
export * from './bulletin.contract';
export * from './assessment.contract';
