export * from './business-date';
export * from './holiday-data';
export * from './working-days';
export * from './time-zone';
export * from './periods';
export * from './working-calendar-table';
