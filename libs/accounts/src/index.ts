export * from './accounts-config';
export * from './accounts-config.module';
export * from './account-error';
export * from './user-rules';
export * from './user-view';
export * from './password-hasher';
export * from './refresh-token-secret';
export * from './login-lockout';
export * from './insert-user';
export * from './users.service';
export * from './refresh-tokens.service';
export * from './access-tokens.service';
export * from './login-lockout.service';
export * from './auth.service';
export * from './accounts.module';
export * from './demo-users';
import { AuditLogEntryEntity, LoginLockoutEntity, RefreshTokenEntity, UserEntity } from '@duban/persistence';

/** The accounts' entities (also listed in @duban/persistence's ENTITIES, where the migrations come from). */
export const ACCOUNT_ENTITIES = [UserEntity, RefreshTokenEntity, LoginLockoutEntity, AuditLogEntryEntity];
export * from './principal-cache';
