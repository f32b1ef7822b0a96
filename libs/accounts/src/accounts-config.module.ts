import { Logger, Module } from '@nestjs/common';
import { loadAccountsConfig, type AccountsConfig } from './accounts-config';

/** Injection token of the process's AccountsConfig. */
export const ACCOUNTS_CONFIG = Symbol('ACCOUNTS_CONFIG');

function createAccountsConfig(): AccountsConfig {
  const config = loadAccountsConfig();
  if (config.jwtSecretGenerated) {
    new Logger('Accounts').warn('JWT_SECRET is not set: using a random per-process key (sign-ins end when the API restarts). Set JWT_SECRET for anything but local development.');
  }
  return config;
}

@Module({
  providers: [{ provide: ACCOUNTS_CONFIG, useFactory: createAccountsConfig }],
  exports: [ACCOUNTS_CONFIG],
})
export class AccountsConfigModule {}
