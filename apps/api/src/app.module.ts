import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { DubanConfigModule, loadConfig } from '@duban/config';
import { ServicesModule } from '@duban/services';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ServiceErrorFilter } from './common/service-error.filter';
import { HealthModule } from './health/health.module';
import { InboxController } from './inbox/inbox.controller';
import { MetricsModule } from './metrics/metrics.module';
import { PlansController } from './plans/plans.controller';

@Module({
  imports: [
    DubanConfigModule,
    LoggerModule.forRoot({
      pinoHttp: {
        level: loadConfig().logLevel,
        name: 'duban-api',
        autoLogging: { ignore: (req) => req.url === '/health' },
        // Request logs include headers: never write bearer tokens or cookies to the log.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
    }),
    ServicesModule,
    HealthModule,
    AuthModule,
    AuditModule,
    MetricsModule,
  ],
  controllers: [PlansController, InboxController],
  providers: [{ provide: APP_FILTER, useClass: ServiceErrorFilter }],
})
export class AppModule {}
