import { Global, Module } from '@nestjs/common';
import { loadConfig } from './load-config';

/** Injection token of the process's DubanConfig. */
export const DUBAN_CONFIG = Symbol('DUBAN_CONFIG');

@Global()
@Module({
  providers: [{ provide: DUBAN_CONFIG, useFactory: () => loadConfig() }],
  exports: [DUBAN_CONFIG],
})
export class DubanConfigModule {}
