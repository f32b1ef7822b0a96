import { Module } from '@nestjs/common';
import { DubanConfigModule } from '@duban/config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** State every API instance shares through Redis (the sign-in throttle's counts). */
@Module({
  imports: [DubanConfigModule],
  providers: [RedisThrottlerStorage],
  exports: [RedisThrottlerStorage],
})
export class SharedStateModule {}
