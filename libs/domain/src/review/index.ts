export * from './pace';
export * from './scoring';
export * from './bulletin';
export * from './bulletin-snapshot';
export * from './bulletin-summary';
export * from './bulletin-text';
export * from './review-settings';
