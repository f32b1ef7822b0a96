export * from './plan-rollout-preview';
