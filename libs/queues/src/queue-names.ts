/**
 * BullMQ queues and job names, shared by producers (activities, API) and the
 * processors in apps/worker. BullMQ carries fire-and-forget bulk work only;
 * anything a process waits on is a Temporal activity.
 */
export const QUEUE_NOTIFICATIONS = 'notifications';

export const JOB_DELIVER_OUTBOX_MESSAGE = 'deliver-outbox-message';
export const JOB_RELAY_OUTBOX = 'relay-outbox';

export interface DeliverOutboxMessageJob {
  readonly outboxMessageId: string;
}
