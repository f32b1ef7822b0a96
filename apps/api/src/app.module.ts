import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { DubanConfigModule, loadConfig } from '@duban/config';
import { ServicesModule } from '@duban/services';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AssignmentsController } from './assignments/assignments.controller';
import { CalendarController } from './calendar/calendar.controller';
import { ContentTypeGuard } from './common/content-type.guard';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { IdempotencyStore } from './common/idempotency.store';
import { queryTokenMiddleware } from './common/query-token.middleware';
import { redactQuery, redactUrl } from './common/redact-url';
import { SanitizingPipe } from './common/sanitizing.pipe';
import { ServiceErrorFilter } from './common/service-error.filter';
import { DirectoryController } from './directory/directory.controller';
import { UnitChannelsController } from './directory/unit-channels.controller';
import { EscalationsController } from './escalations/escalations.controller';
import { EventsController } from './events/events.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { EventWakeups } from './events/event-wakeups.service';
import { HealthModule } from './health/health.module';
import { InboxController } from './inbox/inbox.controller';
import { MetricsModule } from './metrics/metrics.module';
import { PlansController } from './plans/plans.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { PlanUnitsController } from './organisation/plan-units.controller';
import { BulletinsController } from './review/bulletins.controller';
import { TalksController } from './review/talks.controller';
import { AssessmentsController } from './review/assessments.controller';
import { ReviewExportsController } from './review/review-exports.controller';
import { ReviewPeriodsController } from './review/review-periods.controller';
import { StatisticsController } from './review/statistics.controller';
import { ExportJobsController } from './review/export-jobs.controller';

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
        // …nor a credential in a URL (the event stream's ticket; anything else named like a token, should a client send one).
        serializers: {
          req: (req: { url?: string; query?: unknown }) => Object.assign(req, { url: redactUrl(req.url), query: redactQuery(req.query) }),
        },
      },
    }),
    ServicesModule,
    HealthModule,
    AuthModule,
    AuditModule,
    MetricsModule,
  ],
  // ReviewExportsController before AssignmentsController: /assignments/export.xlsx must not be taken for /assignments/:id.
  controllers: [OrganisationController, PlanUnitsController, PlansController, ReviewExportsController, AssignmentsController, InboxController, EscalationsController, DirectoryController,
    UnitChannelsController, CalendarController, EventsController, EvidenceController, BulletinsController, ReviewPeriodsController, TalksController, AssessmentsController, StatisticsController, ExportJobsController],
  providers: [
    { provide: APP_FILTER, useClass: ServiceErrorFilter },
    // Before every DTO: control characters, NFC, length caps, explicit nulls, prototype keys.
    { provide: APP_PIPE, useClass: SanitizingPipe },
    // JSON bodies only, except where a route declares @ApiConsumes (415 otherwise).
    { provide: APP_GUARD, useClass: ContentTypeGuard },
    IdempotencyStore,
    IdempotencyInterceptor,
    EventWakeups,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // EventSource cannot send headers: a one-minute ?ticket= on the event stream only.
    consumer.apply(queryTokenMiddleware).forRoutes('api/v1/events/stream');
  }
}
