import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, QueryFailedError } from 'typeorm';
import {
  authorizePermission,
  authorizeTalkAction,
  availableTalkActions,
  canReadTalk,
  checkTalkOpenable,
  checkTalkText,
  decideTalk,
  DomainError,
  isTalkStatus,
  isTerminalStatus,
  OPEN_TALK_STATUSES,
  readableUnitsOf,
  TALK_ACTION_LABELS,
  TALK_OPEN_PERMISSION,
  TALK_READ_PERMISSION,
  talkScheduledNotice,
  talkSourceLabelOf,
  talkStatusLabelOf,
  talkTargetLabelOf,
  type Actor,
  type AssignmentStatus,
  type TalkAction,
  type TalkChange,
  type TalkCommand,
  type TalkFacts,
  type TalkRefusal,
  type TalkStatus,
} from '@duban/domain';
import { writeOutboxMessages } from '@duban/notifications';
import { AssignmentEntity, TalkEntity, type JsonObject } from '@duban/persistence';
import type { AssignmentView } from '@duban/workflows';
import { AssignmentService } from '../assignment.service';
import { isUuid } from '../plan.service';
import { rejectionError } from '../rejection-errors';
import { ServiceError } from '../service-errors';

/** A 约谈 record as the API, the console and the CLI show it (codes with their Chinese labels). */
export interface TalkView {
  readonly id: string;
  readonly planId: string;
  readonly assignmentId: string | null;
  readonly unitId: string | null;
  readonly unitName: string;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly source: string;
  readonly sourceLabel: string;
  readonly status: TalkStatus;
  readonly statusLabel: string;
  readonly reason: string;
  readonly talkTarget: string | null;
  readonly talkTargetLabel: string | null;
  readonly scheduledAt: string | null;
  readonly place: string | null;
  readonly attendees: string | null;
  readonly minutes: string | null;
  readonly demands: string | null;
  readonly rectifyBy: string | null;
  readonly heldAt: string | null;
  readonly rectification: string | null;
  readonly rectificationReportedAt: string | null;
  readonly verifiedAt: string | null;
  readonly escalatedAt: string | null;
  readonly escalatedReason: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Send it back as `version` to refuse a step on a record someone changed meanwhile (409). */
  readonly version: number;
  /** The steps the reader may take now (the console's buttons; every step is decided again when taken). */
  readonly actions: readonly { readonly action: TalkAction; readonly label: string }[];
}

export interface TalkFilter {
  readonly planId?: string;
  readonly unitId?: string;
  readonly assignmentId?: string;
  readonly status?: string;
  readonly limit?: number;
  readonly offset?: number;
}

type TalkRow = TalkEntity & { taskNumber: number | null; taskTitle: string | null };

const NO_ID = '00000000-0000-0000-0000-000000000000';
const MAX_LIMIT = 500;

function refusal(refused: TalkRefusal): DomainError | ServiceError {
  // forbidden / wrong_unit keep the assignments' mapping (403); the talk codes are the domain's own.
  if (refused.code === 'forbidden' || refused.code === 'wrong_unit') return rejectionError(refused.code, refused.reason);
  return new DomainError(refused.code, refused.reason, refused.details);
}

function factsOf(row: TalkEntity, actor: Actor): TalkFacts {
  // A unit's staff whose scope still names the unit (users from before the directory) match by name, as for assignments.
  const byName = (row.unitId === null || !actor.unitIds.includes(row.unitId)) && actor.unitIds.includes(row.unitName);
  return {
    status: row.status,
    unitId: byName ? row.unitName : row.unitId,
    scheduledAt: row.scheduledAt?.getTime() ?? null,
    heldAt: row.heldAt?.getTime() ?? null,
  };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

function toView(row: TalkRow, actor: Actor): TalkView {
  return {
    id: row.id,
    planId: row.planId,
    assignmentId: row.assignmentId,
    unitId: row.unitId,
    unitName: row.unitName,
    taskNumber: row.taskNumber,
    taskTitle: row.taskTitle,
    source: row.source,
    sourceLabel: talkSourceLabelOf(row.source),
    status: row.status,
    statusLabel: talkStatusLabelOf(row.status),
    reason: row.reason,
    talkTarget: row.talkTarget,
    talkTargetLabel: row.talkTarget ? talkTargetLabelOf(row.talkTarget) : null,
    scheduledAt: iso(row.scheduledAt),
    place: row.place,
    attendees: row.attendees,
    minutes: row.minutes,
    demands: row.demands,
    rectifyBy: row.rectifyBy,
    heldAt: iso(row.heldAt),
    rectification: row.rectification,
    rectificationReportedAt: iso(row.rectificationReportedAt),
    verifiedAt: iso(row.verifiedAt),
    escalatedAt: iso(row.escalatedAt),
    escalatedReason: row.escalatedReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    actions: availableTalkActions(actor, factsOf(row, actor)).map((action) => ({ action, label: TALK_ACTION_LABELS[action] })),
  };
}

/** The columns a decided step writes. */
function columnsOf(change: TalkChange): Partial<Record<keyof TalkEntity, unknown>> {
  const at = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
  const columns: Partial<Record<keyof TalkEntity, unknown>> = {
    status: change.status,
    scheduledAt: at(change.scheduledAt),
    place: change.place,
    attendees: change.attendees,
    talkTarget: change.talkTarget,
    minutes: change.minutes,
    demands: change.demands,
    rectifyBy: change.rectifyBy,
    heldAt: at(change.heldAt),
    rectification: change.rectification,
    rectificationReportedAt: at(change.rectificationReportedAt),
    verifiedAt: at(change.verifiedAt),
    escalatedAt: at(change.escalatedAt),
    escalatedReason: change.escalatedReason,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';

/**
 * 约谈 records and their course (libs/domain/src/talk): opening one on an assignment (also after it closed),
 * scheduling, holding, rectification, verification, escalation. Each step is an optimistic
 * `UPDATE … WHERE version = seen`: of two concurrent steps on one talk exactly one wins, the other is a 409.
 */
@Injectable()
export class TalkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
  ) {}

  /**
   * A coordinator's 约谈 on an assignment. While the assignment is live the 约谈 goes through its workflow too
   * (the talk policy — overdue or at the 约谈 level, else an override reason — is checked there, and the ladder,
   * light and escalation log stay as before); after it ended (closed, declined, reassigned) only the record is
   * written. A proposal still waiting (the ladder's) is taken over with the coordinator's reason; a talk already
   * under way is `talk_already_open`. A new record is inserted first, so a second concurrent 约谈 on the same
   * assignment is refused by the one-open-talk index before the workflow is asked twice; a refused workflow step
   * removes it again.
   */
  async open(input: { assignmentId: string; reason: string; overrideReason?: string }, actor: Actor, requestId?: string): Promise<TalkView> {
    const { id } = await this.openRecord(input, actor, requestId);
    return this.get(id, actor);
  }

  /**
   * The assignment page's 约谈 (POST /assignments/:id/actions/talk): the same as open(), answering with the
   * assignment's workflow view. Only on a live assignment: after it ended the 约谈 is recorded under /talks.
   */
  async openOnAssignment(input: { assignmentId: string; reason: string; overrideReason?: string }, actor: Actor, requestId?: string): Promise<AssignmentView> {
    await this.assignments.assertVisible(input.assignmentId, actor);
    const { view } = await this.openRecord(input, actor, requestId, { liveOnly: true });
    return view!;
  }

  private async openRecord(
    input: { assignmentId: string; reason: string; overrideReason?: string },
    actor: Actor,
    requestId?: string,
    options: { liveOnly?: boolean } = {},
  ): Promise<{ id: string; view: AssignmentView | null }> {
    const allowed = authorizePermission(actor, TALK_OPEN_PERMISSION);
    if (!allowed.ok) throw rejectionError(allowed.code, allowed.reason);
    const reason = checkTalkText('reason', input.reason);
    if (!reason.ok) throw refusal(reason);
    const assignment = isUuid(input.assignmentId) ? await this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: input.assignmentId }) : null;
    if (!assignment) throw new ServiceError('not_found', `任务 ${input.assignmentId} 不存在`);
    const status = assignment.status as AssignmentStatus;
    const openable = checkTalkOpenable(status);
    if (!openable.ok) throw refusal(openable);
    const live = !isTerminalStatus(status);
    if (!live && options.liveOnly) throw new ServiceError('conflict', '任务已结束，请在“约谈记录”中登记约谈', { reason: 'talk_assignment_ended' });
    const act = () =>
      this.assignments.act(assignment.id, { type: 'triggerTalk', reason: reason.text, ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}) }, actor, requestId);
    const existing = await this.openTalkOf(assignment.id);
    // Only a proposal (the ladder's, a bulletin's, an assessment's) is taken over; a coordinator's own 约谈 is already open.
    if (existing && (existing.status !== 'proposed' || existing.source === 'manual')) throw alreadyOpen(existing);
    if (existing) {
      // Taking over a waiting proposal: the workflow first (its policy may refuse), then the coordinator's reason.
      const view = live ? await act() : null;
      await this.dataSource.query("UPDATE talks SET reason = $2, updated_by = $3, updated_at = now(), version = version + 1 WHERE id = $1 AND status = 'proposed'", [
        existing.id,
        reason.text,
        actor.id ?? actor.role,
      ]);
      return { id: existing.id, view };
    }
    const id = await this.insertOpen(assignment, reason.text, actor);
    if (!live) return { id, view: null };
    try {
      return { id, view: await act() };
    } catch (error) {
      await this.dataSource.query("DELETE FROM talks WHERE id = $1 AND status = 'proposed' AND version = 1", [id]);
      throw error;
    }
  }

  private async insertOpen(assignment: AssignmentEntity, reason: string, actor: Actor): Promise<string> {
    try {
      const [row] = (await this.dataSource.query(
        `INSERT INTO talks (plan_id, assignment_id, unit_id, unit_name, source, status, reason, created_by, updated_by)
         VALUES ($1, $2, $3, $4, 'manual', 'proposed', $5, $6, $6) RETURNING id`,
        [assignment.planId, assignment.id, assignment.unitId, assignment.unitName, reason, actor.id ?? actor.role],
      )) as { id: string }[];
      return row!.id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const open = await this.openTalkOf(assignment.id);
      throw alreadyOpen(open);
    }
  }

  private async openTalkOf(assignmentId: string): Promise<{ id: string; status: string; source: string } | undefined> {
    const [open] = (await this.dataSource.query('SELECT id, status, source FROM talks WHERE assignment_id = $1 AND status = ANY($2) LIMIT 1', [assignmentId, OPEN_TALK_STATUSES])) as {
      id: string;
      status: string;
      source: string;
    }[];
    return open;
  }

  async list(filter: TalkFilter, actor: Actor): Promise<{ items: TalkView[]; total: number; limit: number; offset: number }> {
    const allowed = authorizePermission(actor, TALK_READ_PERMISSION);
    if (!allowed.ok) throw rejectionError(allowed.code, allowed.reason);
    if (filter.status !== undefined && !isTalkStatus(filter.status)) throw new ServiceError('invalid_input', `约谈状态“${filter.status}”无效`, { reason: 'invalid_status' });
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_LIMIT);
    const offset = Math.max(filter.offset ?? 0, 0);
    const query = this.rows();
    const uuidOrNone = (value: string) => (isUuid(value) ? value : NO_ID);
    if (filter.planId !== undefined) query.andWhere('t.plan_id = :planId', { planId: uuidOrNone(filter.planId) });
    if (filter.unitId !== undefined) query.andWhere('t.unit_id = :unitId', { unitId: uuidOrNone(filter.unitId) });
    if (filter.assignmentId !== undefined) query.andWhere('t.assignment_id = :assignmentId', { assignmentId: uuidOrNone(filter.assignmentId) });
    if (filter.status !== undefined) query.andWhere('t.status = :status', { status: filter.status });
    const scope = readableUnitsOf(actor);
    if (scope !== undefined) {
      const ids = scope.filter(isUuid);
      query.andWhere(
        new Brackets((or) =>
          or.where('t.unit_id IN (:...scopeIds)', { scopeIds: ids.length ? ids : [NO_ID] }).orWhere('t.unit_name IN (:...scopeNames)', { scopeNames: scope.length ? scope : [''] }),
        ),
      );
    }
    const total = await query.clone().getCount();
    const { entities, raw } = await query.orderBy('t.updated_at', 'DESC').addOrderBy('t.id', 'ASC').offset(offset).limit(limit).getRawAndEntities();
    const items = entities.map((entity) => {
      const extra = (raw as { t_id: string; task_number: number | null; task_title: string | null }[]).find((r) => r.t_id === entity.id);
      return toView({ ...entity, taskNumber: extra?.task_number ?? null, taskTitle: extra?.task_title ?? null }, actor);
    });
    return { items, total, limit, offset };
  }

  async get(id: string, actor: Actor): Promise<TalkView> {
    const allowed = authorizePermission(actor, TALK_READ_PERMISSION);
    if (!allowed.ok) throw rejectionError(allowed.code, allowed.reason);
    const row = await this.find(id);
    // Another unit's talk is not found for a unit's staff (as their assignments).
    if (!canReadTalk(actor, factsOf(row, actor))) throw new ServiceError('not_found', '约谈记录不存在');
    return toView(row, actor);
  }

  /**
   * A step of the course. `expectedVersion` (the version the caller saw) refuses a step on a record someone
   * changed meanwhile; without it the version read here guards the update, so two concurrent steps never both win.
   */
  async step(id: string, command: TalkCommand, actor: Actor, expectedVersion?: number): Promise<TalkView> {
    const row = await this.find(id);
    const facts = factsOf(row, actor);
    if (!canReadTalk(actor, facts)) throw new ServiceError('not_found', '约谈记录不存在');
    const authorized = authorizeTalkAction(actor, facts, command.action);
    if (!authorized.ok) throw refusal(authorized);
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw stale(row.version);
    const decided = decideTalk(facts, command, Date.now());
    if (!decided.ok) throw refusal(decided);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(TalkEntity)
        .set({ ...columnsOf(decided.change), updatedBy: actor.id ?? actor.role, version: () => 'version + 1' } as never)
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (result.affected !== 1) throw stale(row.version);
      if (command.action === 'schedule') {
        const notice = talkScheduledNotice({
          unitName: row.unitName,
          taskTitle: row.taskTitle,
          reason: row.reason,
          scheduledAt: decided.change.scheduledAt!,
          place: decided.change.place!,
          attendees: decided.change.attendees!,
          talkTarget: decided.change.talkTarget!,
        });
        // One notice per arrangement (a re-arrangement is news too); the outbox relay delivers it to the unit's inbox.
        await writeOutboxMessages(manager, [
          {
            idempotencyKey: `talk.scheduled:${row.id}:${row.version + 1}`,
            kind: 'talk.scheduled',
            // Addressed by the directory id (a legacy record without one keeps the name), the name for display.
            recipient: row.unitId ?? row.unitName,
            recipientName: row.unitName,
            title: notice.title,
            body: notice.body,
            payload: { talkId: row.id, planId: row.planId, assignmentId: row.assignmentId, unitId: row.unitId } as JsonObject,
          },
        ]);
      }
    });
    return this.get(id, actor);
  }

  private rows() {
    return this.dataSource
      .getRepository(TalkEntity)
      .createQueryBuilder('t')
      .leftJoin(AssignmentEntity, 'a', 'a.id = t.assignment_id')
      .addSelect('a.task_number', 'task_number')
      .addSelect('a.task_title', 'task_title');
  }

  private async find(id: string): Promise<TalkRow> {
    const found = isUuid(id) ? await this.rows().where('t.id = :id', { id }).getRawAndEntities() : null;
    const entity = found?.entities[0];
    if (!found || !entity) throw new ServiceError('not_found', '约谈记录不存在');
    const raw = found.raw[0] as { task_number: number | null; task_title: string | null };
    return { ...entity, taskNumber: raw.task_number, taskTitle: raw.task_title };
  }
}

function alreadyOpen(open: { id: string; status: string } | undefined): DomainError {
  return new DomainError(
    'talk_already_open',
    `该任务已有进行中的约谈（${open ? talkStatusLabelOf(open.status) : '进行中'}），请在该约谈记录上继续办理`,
    open ? { talkId: open.id, status: open.status } : undefined,
  );
}

function stale(seen: number): DomainError {
  return new DomainError('talk_version_stale', '约谈记录已被他人更新，请刷新后重试', { version: seen });
}
