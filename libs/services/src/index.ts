export * from './service-errors';
export * from './plan.service';
export * from './inbox.service';
export * from './seed.service';
export * from './services.module';
export * from './assignment.service';
export * from './rejection-errors';
