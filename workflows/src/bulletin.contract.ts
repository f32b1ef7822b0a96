import { defineQuery, defineUpdate } from '@temporalio/workflow';

export type BulletinKind = 'half_year' | 'on_demand';

export interface BulletinInput {
  readonly planId: string;
  readonly kind: BulletinKind;
  /** Cut-off date (YYYY-MM-DD). Absent for scheduled runs: the day before the scheduled start, in Asia/Shanghai. */
  readonly asOf?: string;
}

export interface BulletinPrepared {
  readonly bulletinId: string;
  readonly asOf: string;
}

export interface BulletinDraftEdit {
  readonly title?: string;
  readonly text?: string;
}

export interface BulletinPublishRequest {
  readonly actorId: string;
}

export interface BulletinPublished {
  readonly bulletinId: string;
  readonly publishedAt: string;
  /** Units notified (each once) and 通报 recorded (one per named lagging assignment). */
  readonly unitsNotified: number;
  readonly noticesRecorded: number;
}

export interface BulletinResult extends BulletinPublished {
  readonly asOf: string;
}

export interface BulletinSnapshotResult {
  readonly rows: number;
  readonly named: number;
}

/** Where the workflow is: drafting (snapshot being taken), draft (waiting for a coordinator), published. */
export interface BulletinProgress {
  readonly bulletinId: string | null;
  readonly stage: 'drafting' | 'draft' | 'published';
}

export const editBulletinUpdate = defineUpdate<void, [BulletinDraftEdit]>('editBulletin');
export const publishBulletinUpdate = defineUpdate<BulletinPublished, [BulletinPublishRequest]>('publishBulletin');
export const bulletinProgressQuery = defineQuery<BulletinProgress>('bulletinProgress');

/** The activities the bulletin workflow calls; implemented in activities/. */
export interface BulletinActivityApi {
  /**
   * Creates the bulletin row of plan × kind × cut-off, or resets an unpublished one to drafting for this run.
   * Fails (non-retryable, code bulletin_published) when that period's bulletin is already published.
   */
  prepareBulletin(input: BulletinInput & { readonly runId: string; readonly workflowId: string }): Promise<BulletinPrepared>;
  /** Freezes every assignment of the plan as it stood at the cut-off, then the summary and draft text; only for this run. */
  snapshotBulletin(input: { readonly bulletinId: string; readonly runId: string }): Promise<BulletinSnapshotResult>;
  /** Saves the coordinator's edit of the draft (refused once published). */
  saveBulletinDraft(input: { readonly bulletinId: string; readonly edit: BulletinDraftEdit }): Promise<void>;
  /**
   * Publishes the draft in one transaction: status, one 通报 per named assignment, one notice per named unit
   * (outbox). Idempotent: a retry after success returns the same outcome. Returns the outbox ids to deliver.
   */
  publishBulletinDraft(input: { readonly bulletinId: string; readonly actorId: string }): Promise<BulletinPublished & { readonly outboxMessageIds: string[] }>;
  /** Hands outbox messages to BullMQ (shared with the other workflows). */
  enqueueOutboxMessages(outboxMessageIds: string[]): Promise<void>;
}

export function bulletinWorkflowId(planId: string, kind: BulletinKind, asOf: string): string {
  return `bulletin:${planId}:${kind}:${asOf}`;
}
