export * from './target-actuals';
