import type { ChannelSend } from '@duban/notifications';

/**
 * BullMQ queues and job names, shared by producers (activities, API) and the
 * processors in apps/worker. BullMQ carries fire-and-forget bulk work only;
 * anything a process waits on is a Temporal activity.
 */
export const QUEUE_NOTIFICATIONS = 'notifications';

/** Deliver one outbox message: the in-app inbox, then fan out to the unit's channels. */
export const JOB_DELIVER_OUTBOX_MESSAGE = 'deliver-outbox-message';
/** Send one message (or digest) to one channel subscription. */
export const JOB_SEND_TO_CHANNEL = 'send-to-channel';
/** Build and send the day's digests (a job scheduler runs it daily). */
export const JOB_DAILY_DIGEST = 'daily-digest';
export const DAILY_DIGEST_SCHEDULER_ID = 'daily-digest';
/** Re-enqueue outbox rows still pending a while after their transaction (a lost enqueue). */
export const JOB_RELAY_OUTBOX = 'relay-outbox';
export const RELAY_OUTBOX_SCHEDULER_ID = 'relay-outbox';

export interface DeliverOutboxMessageJob {
  readonly outboxMessageId: string;
}

export type SendToChannelJob = ChannelSend;

export interface DailyDigestJob {
  /** Business date (Asia/Shanghai); the scheduler leaves it out and the processor uses today. */
  readonly date?: string;
}

/** Large exports (台账 .xlsx) written to the object storage, one job per export_jobs row. */
export const QUEUE_EXPORTS = 'exports';
export const JOB_RUN_EXPORT = 'run-export';

export interface RunExportJob {
  readonly exportId: string;
}
