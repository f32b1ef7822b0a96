import { Module } from '@nestjs/common';
import { AccountsConfigModule } from '@duban/accounts';
import { MetricsController } from './metrics.controller';

/** GET /metrics. The request counters are fed by httpMetricsMiddleware (installed by applySecurity). */
@Module({
  imports: [AccountsConfigModule],
  controllers: [MetricsController],
})
export class MetricsModule {}
