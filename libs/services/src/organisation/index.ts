export * from './organisation.service';
export * from './plan-units.service';
