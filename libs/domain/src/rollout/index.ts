export * from './plan-input';
export * from './rollout-plan';
