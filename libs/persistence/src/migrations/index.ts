import { Initial1795406169165 } from './1795406169165-initial';

/** Every migration in order, listed explicitly. Never edit one that has been applied; add a new one. */
export const MIGRATIONS: Function[] = [Initial1795406169165];
