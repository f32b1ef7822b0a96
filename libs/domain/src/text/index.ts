export * from './text-rules';
export * from './chinese-date';
