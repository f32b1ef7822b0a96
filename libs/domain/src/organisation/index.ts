export * from './collective-units';
export * from './organisation-directory';
export * from './unit-name';
export * from './unit-validity';
export * from './unit-resolution';
export * from './jurisdiction-detection';
export * from './plan-unit-resolution';
export * from './organisation-permissions';
