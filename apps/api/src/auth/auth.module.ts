import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ACCOUNTS_CONFIG, AccountsConfigModule, AccountsModule, type AccountsConfig } from '@duban/accounts';
import { ServicesModule } from '@duban/services';
import { RedisThrottlerStorage } from '../shared-state/redis-throttler.storage';
import { SharedStateModule } from '../shared-state/shared-state.module';
import { AuthController } from './auth.controller';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PermissionGuard } from './permission.guard';
import { UsersController } from './users.controller';

/**
 * Sign-in endpoints, user administration, and the two global guards (in this
 * order): JwtAuthGuard (a valid access token unless @Public) then PermissionGuard (@RequirePermission: a named permission the domain grants to roles).
 * The throttler (per client IP) is applied only to sign-in and refresh.
 */
@Module({
  imports: [
    AccountsModule,
    ServicesModule,
    ThrottlerModule.forRootAsync({
      imports: [AccountsConfigModule, SharedStateModule],
      inject: [ACCOUNTS_CONFIG, RedisThrottlerStorage],
      // Counted in Redis, so the limit holds across every API instance. The message is the user's, in Chinese
      // (the throttler's own is "ThrottlerException: Too Many Requests").
      useFactory: (config: AccountsConfig, storage: RedisThrottlerStorage) => ({
        throttlers: [{ name: 'sign-in', ttl: 60_000, limit: config.loginRateLimit }],
        storage,
        errorMessage: '登录请求过于频繁，请稍后再试',
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AccountsModule],
})
export class AuthModule {}
