import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { AssignmentEventSignal } from './assignment-event-signal';
import { NotificationQueueProducer } from './notification-queue.producer';
import { QUEUE_NOTIFICATIONS } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

/**
 * BullMQ on the configured Redis with the configured key prefix, the queues,
 * and their producers. Nest closes queues and workers on application shutdown.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [DUBAN_CONFIG],
      useFactory: (config: DubanConfig) => ({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
    }),
    BullModule.registerQueue({ name: QUEUE_NOTIFICATIONS }),
  ],
  providers: [NotificationQueueProducer, AssignmentEventSignal],
  exports: [NotificationQueueProducer, AssignmentEventSignal, BullModule],
})
export class QueuesModule {}
