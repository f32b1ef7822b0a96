// The workflow bundle's entry point: every workflow function the worker registers.
// Only deterministic code reachable from here: @temporalio/workflow and pure libs.
export * from './plan-import.workflow';
export * from './plan-rollout.workflow';
export * from './assignment.workflow';
export * from './noop.workflow';
export * from './assignment-repair.workflow';
export * from './bulletin.workflow';
export * from './assessment.workflow';
