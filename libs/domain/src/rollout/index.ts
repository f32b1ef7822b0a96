export * from './plan-input';
export * from './rollout-plan';
export * from './plan-status';
export * from './publish-gate';
export * from './duty-fit';
