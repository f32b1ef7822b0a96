export * from './temporal-client';
export * from './temporal-client.module';
