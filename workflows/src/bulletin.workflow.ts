import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  bulletinProgressQuery,
  editBulletinUpdate,
  publishBulletinUpdate,
  type BulletinActivityApi,
  type BulletinInput,
  type BulletinPublished,
  type BulletinResult,
} from './bulletin.contract';

const activities = proxyActivities<BulletinActivityApi>({
  // A 100,000-assignment snapshot takes a while on a loaded machine; retries are bounded.
  startToCloseTimeout: '15 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * 半年通报 (or an on-demand bulletin): freeze the snapshot and draft, wait for a coordinator to edit and
 * publish it (Updates), then deliver the notices. Re-running a period replaces the draft (the service
 * terminates the waiting run); a published period is refused by prepareBulletin.
 */
export async function bulletinWorkflow(input: BulletinInput): Promise<BulletinResult> {
  let bulletinId: string | null = null;
  let stage: 'drafting' | 'draft' | 'published' = 'drafting';
  let published: BulletinPublished | null = null;
  let publishing = false;

  setHandler(bulletinProgressQuery, () => ({ bulletinId, stage }));
  setHandler(
    editBulletinUpdate,
    async (edit) => {
      // The API refuses edits while its record says drafting; the record turns to draft a moment before this
      // workflow does (the snapshot activity writes it), so an edit arriving in between waits for the draft.
      await condition(() => stage !== 'drafting');
      if (stage === 'published' || publishing) throw ApplicationFailure.create({ type: 'conflict', message: '通报已发布，不能再修改', nonRetryable: true });
      await activities.saveBulletinDraft({ bulletinId: bulletinId!, edit });
    },
    {
      validator: (edit) => {
        if (stage === 'published' || publishing) throw ApplicationFailure.create({ type: 'conflict', message: '通报已发布，不能再修改', nonRetryable: true });
        if (edit.title === undefined && edit.text === undefined) throw ApplicationFailure.create({ type: 'invalid_input', message: '请提供要修改的标题或正文', nonRetryable: true });
      },
    },
  );
  setHandler(
    publishBulletinUpdate,
    async (request) => {
      publishing = true;
      // As for edits: a publish arriving just before this workflow has seen its draft waits for it.
      await condition(() => stage !== 'drafting');
      const outcome = await activities.publishBulletinDraft({ bulletinId: bulletinId!, actorId: request.actorId });
      await activities.enqueueOutboxMessages(outcome.outboxMessageIds);
      const { outboxMessageIds: _delivered, ...result } = outcome;
      published = result;
      stage = 'published';
      return result;
    },
    {
      validator: (_request) => {
        if (stage === 'published' || publishing) throw ApplicationFailure.create({ type: 'conflict', message: '通报已发布，不能重复发布', nonRetryable: true });
      },
    },
  );

  const { runId, workflowId } = workflowInfo();
  const prepared = await activities.prepareBulletin({ ...input, runId, workflowId });
  bulletinId = prepared.bulletinId;
  await activities.snapshotBulletin({ bulletinId, runId });
  stage = 'draft';
  await condition(() => published !== null);
  return { ...published!, asOf: prepared.asOf };
}
