export * from './talk-status';
export * from './talk-labels';
export * from './talk-refusal';
export * from './talk-course';
export * from './talk-notice';
