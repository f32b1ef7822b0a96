import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource, type EntityManager } from 'typeorm';
import { LADDER_TALK_REASON, type AssignmentEvent } from '@duban/domain';
import { writeOutboxMessages, type NewOutboxMessage } from '@duban/notifications';
import {
  AssignmentEntity,
  AssignmentEventEntity,
  EscalationEntity,
  ProgressReportEntity,
  type JsonObject,
  type JsonValue,
} from '@duban/persistence';
import { AssignmentEventSignal, NotificationQueueProducer } from '@duban/queues';
import { ACTIVITY_FAILURES, type AssignmentActivityApi, type AssignmentIdentity, type RecordEventsInput, type RecordRemindersInput } from '@duban/workflows';
import type { TrafficLight } from '@duban/domain';
import { AssignmentStarter } from './assignment-starter';
import { readModelColumns } from './assignment-read-model';

/** The assignment workflow's I/O: event log, read model, progress reports, escalations, outbox. */
@Injectable()
export class AssignmentActivities implements AssignmentActivityApi {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationQueueProducer,
    private readonly starter: AssignmentStarter,
    private readonly eventSignal: AssignmentEventSignal,
  ) {}

  async recordAssignmentEvents(input: RecordEventsInput): Promise<void> {
    const { identity, fromSeq, events } = input;
    const lastSeq = fromSeq + events.length - 1;
    const outboxIds = await this.dataSource.transaction(async (manager) => {
      if (events.length > 0) {
        await appendEvents(manager, events.map((event, index) => eventRow(identity, fromSeq + index, event)));
        await this.writeDerivedRows(manager, identity, fromSeq, events);
      }
      // Guarded by version: a late retry of an older write never overwrites a newer state.
      await manager
        .createQueryBuilder()
        .update(AssignmentEntity)
        .set({ ...readModelColumns(input.state, input.light), version: lastSeq })
        .where('id = :id AND version <= :version', { id: identity.assignmentId, version: lastSeq })
        .execute();
      const address = await unitAddress(manager, identity);
      const messages: NewOutboxMessage[] = input.notifications.flatMap(({ seq, drafts }) =>
        drafts.map((draft) => ({
          // Keyed by the draft as the workflow wrote it (a retry across deploys writes the same key).
          idempotencyKey: `${identity.assignmentId}:${seq}:${draft.recipient}:${draft.kind}`,
          kind: draft.kind,
          ...address(draft.recipient),
          title: draft.title,
          body: draft.body,
          digest: draft.digest,
          payload: { assignmentId: identity.assignmentId, planId: identity.planId, seq },
        })),
      );
      return writeOutboxMessages(manager, messages);
    });
    await this.notifications.enqueueOutboxMessages(outboxIds);
    if (events.length > 0) await this.eventSignal.committed([identity.assignmentId]);
    for (const event of events) {
      if (event.type === 'reassigned') await this.starter.startReassigned(identity.assignmentId, event.payload.toUnit);
    }
  }

  async recordAssignmentLight(input: { identity: AssignmentIdentity; version: number; light: TrafficLight }): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ light: input.light.color, lightReasons: input.light.reasons as unknown as JsonValue[] })
      .where('id = :id AND version <= :version', { id: input.identity.assignmentId, version: input.version })
      .execute();
  }

  async recordReminders(input: RecordRemindersInput): Promise<void> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const address = await unitAddress(manager, input.identity);
      return writeOutboxMessages(
        manager,
        input.notifications.map((draft) => ({
          idempotencyKey: `${input.identity.assignmentId}:reminder:${input.date}:${draft.kind}`,
          kind: draft.kind,
          ...address(draft.recipient),
          title: draft.title,
          body: draft.body,
          digest: draft.digest,
          payload: { assignmentId: input.identity.assignmentId, planId: input.identity.planId, date: input.date },
        })),
      );
    });
    await this.notifications.enqueueOutboxMessages(ids);
  }

  /** Progress reports and escalations, one row per event, unique by (assignment, seq). */
  private async writeDerivedRows(manager: EntityManager, identity: AssignmentIdentity, fromSeq: number, events: readonly AssignmentEvent[]): Promise<void> {
    const reports: Partial<ProgressReportEntity>[] = [];
    const escalations: Partial<EscalationEntity>[] = [];
    const talkProposals: number[] = [];
    events.forEach((event, index) => {
      const seq = fromSeq + index;
      const occurredAt = new Date(event.at);
      const base = { assignmentId: identity.assignmentId, planId: identity.planId, unitName: identity.unitName, seq, occurredAt };
      if (event.type === 'progress_reported') {
        reports.push({
          assignmentId: identity.assignmentId,
          seq,
          percent: event.payload.percent,
          actualValue: event.payload.actualValue,
          text: event.payload.text,
          evidenceLinks: [...event.payload.evidenceLinks],
          evidence: (event.payload.evidence ?? []) as unknown as JsonValue[],
          actuals: (event.payload.actuals ?? []) as unknown as JsonValue[],
          actor: event.actor as unknown as JsonObject,
          reportedAt: occurredAt,
        });
      } else if (event.type === 'escalated') {
        const level = event.payload.level === 'talk' ? 'talk_proposed' : event.payload.level;
        escalations.push({ ...base, level, source: 'ladder', reason: null });
        if (event.payload.level === 'talk') talkProposals.push(seq);
      } else if (event.type === 'urged') {
        escalations.push({ ...base, level: event.payload.level, source: 'supervisor', reason: event.payload.note });
      } else if (event.type === 'talk_triggered') {
        escalations.push({ ...base, level: 'talk', source: 'coordinator', reason: event.payload.reason });
      }
    });
    if (reports.length) await manager.createQueryBuilder().insert().into(ProgressReportEntity).values(reports).orIgnore().execute();
    if (escalations.length) await manager.createQueryBuilder().insert().into(EscalationEntity).values(escalations).orIgnore().execute();
    for (const seq of talkProposals) await proposeTalk(manager, identity, seq);
  }
}

/**
 * The ladder reached 约谈: a `proposed` 约谈 record for the coordinators, in the same transaction as the escalation.
 * Idempotent twice over: a retried activity finds its own proposal (source_ref = assignment:seq), and an assignment
 * with a talk still open (proposed by hand or earlier) gets none (the one-open-talk unique index: DO NOTHING).
 */
async function proposeTalk(manager: EntityManager, identity: AssignmentIdentity, seq: number): Promise<void> {
  const sourceRef = `${identity.assignmentId}:${seq}`;
  await manager.query(
    `INSERT INTO talks (plan_id, assignment_id, unit_id, unit_name, source, source_ref, status, reason, created_by, updated_by)
     SELECT a.plan_id, a.id, a.unit_id, a.unit_name, 'ladder', $2, 'proposed', $3, 'system', 'system' FROM assignments a
      WHERE a.id = $1 AND NOT EXISTS (SELECT 1 FROM talks t WHERE t.source = 'ladder' AND t.source_ref = $2)
     ON CONFLICT DO NOTHING`,
    [identity.assignmentId, sourceRef, LADDER_TALK_REASON],
  );
}

/**
 * Where a draft goes. Workflows address their unit by the display name they were started with (live ones
 * included, so their code is unchanged); the outbox addresses it by the assignment's unit id, name kept for
 * display. Role mailboxes pass through; a legacy assignment no directory entry placed keeps the name.
 */
async function unitAddress(manager: EntityManager, identity: AssignmentIdentity): Promise<(recipient: string) => { recipient: string; recipientName: string | null }> {
  const [row] = (await manager.query('SELECT unit_id::text AS unit_id FROM assignments WHERE id = $1', [identity.assignmentId])) as { unit_id: string | null }[];
  const unitId = row?.unit_id ?? null;
  return (recipient) => (recipient === identity.unitName && unitId !== null ? { recipient: unitId, recipientName: recipient } : { recipient, recipientName: null });
}

/**
 * Appends events to the log, unique per (assignment, seq). A sequence number already
 * taken is fine only when it holds exactly these contents (a retried activity);
 * anything else is a loud, non-retryable conflict, never a silent skip: the
 * transaction rolls back and the workflow refuses the action.
 */
async function appendEvents(manager: EntityManager, rows: readonly Partial<AssignmentEventEntity>[]): Promise<void> {
  const result = await manager.createQueryBuilder().insert().into(AssignmentEventEntity).values([...rows]).orIgnore().returning(['seq']).execute();
  const inserted = new Set((result.raw as { seq: number }[]).map((row) => Number(row.seq)));
  for (const row of rows.filter((candidate) => !inserted.has(candidate.seq!))) {
    const [same] = await manager.query(
      `SELECT 1 FROM assignment_events
        WHERE assignment_id = $1 AND seq = $2 AND type = $3 AND actor = $4::jsonb AND payload = $5::jsonb AND occurred_at = $6`,
      [row.assignmentId, row.seq, row.type, JSON.stringify(row.actor), JSON.stringify(row.payload), row.occurredAt],
    );
    if (!same) {
      throw ApplicationFailure.create({
        type: ACTIVITY_FAILURES.sequenceConflict,
        message: `assignment ${row.assignmentId} already has an event ${row.seq} with other contents (${row.type} not recorded)`,
        nonRetryable: true,
        details: [{ assignmentId: row.assignmentId, seq: row.seq, type: row.type }],
      });
    }
  }
}

function eventRow(identity: AssignmentIdentity, seq: number, event: AssignmentEvent): Partial<AssignmentEventEntity> {
  return {
    assignmentId: identity.assignmentId,
    planId: identity.planId,
    seq,
    type: event.type,
    actor: event.actor as unknown as JsonObject,
    payload: event.payload as unknown as JsonObject,
    occurredAt: new Date(event.at),
  };
}
