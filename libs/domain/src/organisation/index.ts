export * from './collective-units';
