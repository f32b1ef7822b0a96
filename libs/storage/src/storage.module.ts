import { Global, Module } from '@nestjs/common';
import { DUBAN_CONFIG, DubanConfigModule, type DubanConfig } from '@duban/config';
import { createObjectStorage } from './create-object-storage';
import { OBJECT_STORAGE } from './object-storage';

/** Provides OBJECT_STORAGE, the configured store of uploaded files. */
@Global()
@Module({
  imports: [DubanConfigModule],
  providers: [{ provide: OBJECT_STORAGE, useFactory: (config: DubanConfig) => createObjectStorage(config), inject: [DUBAN_CONFIG] }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
