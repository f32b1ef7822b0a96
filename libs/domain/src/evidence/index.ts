export * from './evidence-refs';
export * from './evidence-file-types';
export * from './file-name';
