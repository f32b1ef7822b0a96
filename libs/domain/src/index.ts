export * from './assignment';
export * from './escalation';
export * from './review';
export * from './light';
export * from './rollout';
export * from './organisation';
export * from './notification';
export * from './text';
