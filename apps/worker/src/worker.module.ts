import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ActivitiesModule } from '@duban/activities';
import { DubanConfigModule, loadConfig } from '@duban/config';
import { ChannelDeliveryService, OutboxDeliveryService } from '@duban/notifications';
import { PersistenceModule } from '@duban/persistence';
import { QUEUE_EXPORTS, QueuesModule } from '@duban/queues';
import { AssignmentService, ExportJobService, StatisticsService } from '@duban/services';
import { StorageModule } from '@duban/storage';
import { TemporalClientModule } from '@duban/temporal';
import { ExportProcessor } from './processors/export.processor';
import { NotificationProcessor } from './processors/notification.processor';
import { NotificationSchedules } from './processors/notification-schedules';
import { RecordRepairSchedule } from './repair/record-repair.schedule';
import { WorkerHeartbeat } from './health/worker-heartbeat.service';

@Module({
  imports: [
    DubanConfigModule,
    LoggerModule.forRoot({ pinoHttp: { level: loadConfig().logLevel, name: 'duban-worker' } }),
    PersistenceModule,
    QueuesModule,
    BullModule.registerQueue({ name: QUEUE_EXPORTS }),
    StorageModule,
    ActivitiesModule,
    // The export job filters like the ledger list (AssignmentService.filterSql); its client connects only if asked.
    TemporalClientModule,
  ],
  providers: [AssignmentService, StatisticsService, ExportJobService, ExportProcessor, OutboxDeliveryService, ChannelDeliveryService, NotificationProcessor, NotificationSchedules, RecordRepairSchedule, WorkerHeartbeat],
})
export class WorkerModule {}
