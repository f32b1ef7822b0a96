import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ActivitiesModule } from '@duban/activities';
import { DubanConfigModule, loadConfig } from '@duban/config';
import { ChannelDeliveryService, OutboxDeliveryService } from '@duban/notifications';
import { PersistenceModule } from '@duban/persistence';
import { QueuesModule } from '@duban/queues';
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
    ActivitiesModule,
  ],
  providers: [OutboxDeliveryService, ChannelDeliveryService, NotificationProcessor, NotificationSchedules, RecordRepairSchedule, WorkerHeartbeat],
})
export class WorkerModule {}
