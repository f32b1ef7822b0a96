import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { DubanConfigModule } from '@duban/config';
import { PersistenceModule } from '@duban/persistence';
import { AccessTokensService } from './access-tokens.service';
import { AccountsConfigModule } from './accounts-config.module';
import { AuthService } from './auth.service';
import { LoginLockoutService } from './login-lockout.service';
import { PrincipalCache } from './principal-cache';
import { RefreshTokensService } from './refresh-tokens.service';
import { UsersService } from './users.service';

const SERVICES = [UsersService, AuthService, AccessTokensService, RefreshTokensService, LoginLockoutService, PrincipalCache];

/** Users, sign-in and tokens. The key and lifetimes are passed on each sign/verify call, from AccountsConfig. */
@Module({
  imports: [DubanConfigModule, PersistenceModule, AccountsConfigModule, JwtModule.register({})],
  providers: SERVICES,
  exports: [...SERVICES, AccountsConfigModule],
})
export class AccountsModule {}
