import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ServicesModule } from '@duban/services';
import { ConsistencySnapshot } from './consistency.snapshot';
import { DependencyHealthIndicators } from './dependency-health.indicators';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ServicesModule],
  controllers: [HealthController],
  providers: [DependencyHealthIndicators, ConsistencySnapshot],
})
export class HealthModule {}
