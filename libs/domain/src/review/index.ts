export * from './pace';
export * from './scoring';
export * from './bulletin';
