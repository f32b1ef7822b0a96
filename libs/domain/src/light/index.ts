export * from './traffic-light';
