export * from './traffic-light';
export * from './traffic-light-sql';
