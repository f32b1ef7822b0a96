import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ActivitiesModule } from '@duban/activities';
import { DubanConfigModule, loadConfig } from '@duban/config';
import { OutboxDeliveryService } from '@duban/notifications';
import { PersistenceModule } from '@duban/persistence';
import { QueuesModule } from '@duban/queues';
import { NotificationProcessor } from './processors/notification.processor';

@Module({
  imports: [
    DubanConfigModule,
    LoggerModule.forRoot({ pinoHttp: { level: loadConfig().logLevel, name: 'duban-worker' } }),
    PersistenceModule,
    QueuesModule,
    ActivitiesModule,
  ],
  providers: [OutboxDeliveryService, NotificationProcessor],
})
export class WorkerModule {}
