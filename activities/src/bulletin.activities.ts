import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { DataSource, type EntityManager } from 'typeorm';
import { addCalendarDays, endOfShanghaiDay, shanghaiDateOf, workdaySeqSql } from '@duban/calendar';
import {
  assignmentStanding,
  assignmentStandingSql,
  BulletinSummaryBuilder,
  bulletinTitle,
  BY_MOST_OVERDUE_SQL,
  DEFAULT_MAX_NAMED_ITEMS,
  draftBulletinText,
  resolveReviewSettings,
  standingSourceFromStateSql,
  type AssignmentState,
  type LightColor,
  type PaceClass,
  type SnapshotGroup,
  type SnapshotRow,
  type StoredReviewSettings,
} from '@duban/domain';
import { actualReportsSql, ensureBulletinRow, ensureWorkingCalendar, targetProgressOf, type JsonObject } from '@duban/persistence';
import { writeOutboxMessages } from '@duban/notifications';
import type {
  BulletinActivityApi,
  BulletinDraftEdit,
  BulletinInput,
  BulletinPrepared,
  BulletinPublished,
  BulletinSnapshotResult,
  PlanRunSettings,
} from '@duban/workflows';

/** Assignments judged in TypeScript per round trip (those the SQL forms leave: bounded memory at any plan size). */
export const SNAPSHOT_BATCH_SIZE = 2000;

/**
 * A unit is its directory id (one body printed under two names is one unit in the bulletin); a legacy row no
 * directory entry placed keeps the workflow's unit key.
 */
function unitIdSql(alias: string): string {
  return `COALESCE(${alias}.unit_id::text, ${alias}.state->>'unitId', ${alias}.unit_name)`;
}

interface AssignmentBatchRow {
  id: string;
  unit_id: string;
  unit_name: string;
  region: string | null;
  task_number: number | null;
  task_title: string | null;
  responsibility: string;
  status: string;
  due_date: string;
  escalation_level: string | null;
  state: AssignmentState;
  targets: unknown;
  actual_reports: unknown;
}

function refused(message: string, type = 'conflict'): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

@Injectable()
export class BulletinActivities implements Omit<BulletinActivityApi, 'enqueueOutboxMessages'> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async prepareBulletin(input: BulletinInput & { runId: string; workflowId: string }): Promise<BulletinPrepared> {
    // A scheduled run fires just after the cut-off day ends (Shanghai): its cut-off is the day before.
    const asOf = input.asOf ?? addCalendarDays(shanghaiDateOf(Date.now()), -1);
    return this.dataSource.transaction(async (manager) => {
      const row = await ensureBulletinRow(manager, { planId: input.planId, kind: input.kind, asOf, workflowId: input.workflowId });
      const [locked] = (await manager.query('SELECT status FROM review_bulletins WHERE id = $1 FOR UPDATE', [row.id])) as { status: string }[];
      if (locked!.status === 'published') throw refused(`${asOf}的通报已发布，不能重新生成`, 'bulletin_published');
      await manager.query("UPDATE review_bulletins SET status = 'drafting', run_id = $2, workflow_id = $3, updated_at = now() WHERE id = $1", [row.id, input.runId, input.workflowId]);
      return { bulletinId: row.id, asOf };
    });
  }

  async snapshotBulletin(input: { bulletinId: string; runId: string }): Promise<BulletinSnapshotResult> {
    return this.dataSource.transaction(async (manager) => {
      const [bulletin] = (await manager.query(
        `SELECT b.plan_id, b.kind, b.as_of::text AS as_of, b.status, b.run_id, p.title AS plan_title, p.settings
           FROM review_bulletins b JOIN plans p ON p.id = b.plan_id WHERE b.id = $1 FOR UPDATE OF b`,
        [input.bulletinId],
      )) as { plan_id: string; kind: 'half_year' | 'on_demand'; as_of: string; status: string; run_id: string; plan_title: string; settings: PlanRunSettings & { review?: StoredReviewSettings } }[];
      if (!bulletin) throw refused('通报不存在', 'not_found');
      // A replaced run (re-run of the period) or a published bulletin: this run may not write.
      if (bulletin.run_id !== input.runId) throw refused('该通报已由新的生成任务接管', 'superseded');
      if (bulletin.status === 'published') throw refused('通报已发布，不能重新生成', 'bulletin_published');
      const review = resolveReviewSettings(bulletin.settings.review);
      const settings = { ladder: bulletin.settings.ladder, light: bulletin.settings.light, pace: review.pace };
      await manager.query('DELETE FROM review_bulletin_items WHERE bulletin_id = $1', [input.bulletinId]);
      // Set-based first: one INSERT … SELECT freezes every row the rules' SQL forms can judge (no numeric targets,
      // every date in the working-day calendar table); the rest are judged by the TypeScript rules below.
      await ensureWorkingCalendar(manager);
      const source = standingSourceFromStateSql('a.state');
      const at = { asOf: '$2::date', asOfSeq: workdaySeqSql('$2::date'), instantMs: '$3::numeric' };
      const judged = assignmentStandingSql(source.columns, at, settings);
      let judgedInSql = 0;
      if (judged) {
        const standing = judged.columns;
        const [inserted] = (await manager.query(
          `WITH frozen AS (
             INSERT INTO review_bulletin_items (bulletin_id, assignment_id, ${ITEM_COLUMN_NAMES})
             SELECT $4, a.id, ${unitIdSql('a')}, a.unit_name, a.region, a.task_number, a.task_title, a.responsibility, a.status, a.due_date,
                    ${standing.light}, ${standing.pace}, ${standing.expected_percent}, ${standing.progress_percent}, a.escalation_level,
                    ${standing.overdue}, ${standing.overdue_working_days}, ${standing.candidate}, ${standing.lagging}
               FROM assignments a ${source.joins} ${judged.joins}
              WHERE a.plan_id = $1 AND a.targets = '[]'::jsonb AND ${source.covered} AND ${at.asOfSeq} IS NOT NULL
             RETURNING 1)
           SELECT count(*)::int AS count FROM frozen`,
          [bulletin.plan_id, bulletin.as_of, endOfShanghaiDay(bulletin.as_of), input.bulletinId],
        )) as { count: number }[];
        judgedInSql = inserted!.count;
        Context.current().heartbeat(judgedInSql);
      }
      const [{ total }] = (await manager.query('SELECT count(*)::int AS total FROM assignments WHERE plan_id = $1', [bulletin.plan_id])) as { total: number }[];
      let judgedInTypeScript = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      while (judgedInSql + judgedInTypeScript < total) {
        const batch = (await manager.query(
          `SELECT id, ${unitIdSql('a')} AS unit_id, unit_name, region, task_number, task_title, responsibility, status,
                  due_date::text AS due_date, escalation_level, state,
                  targets, ${actualReportsSql('a')} AS actual_reports
             FROM assignments a
            WHERE plan_id = $1 AND id > $2
              AND NOT EXISTS (SELECT 1 FROM review_bulletin_items i WHERE i.bulletin_id = $4 AND i.assignment_id = a.id)
            ORDER BY id LIMIT $3`,
          [bulletin.plan_id, after, SNAPSHOT_BATCH_SIZE, input.bulletinId],
        )) as AssignmentBatchRow[];
        if (batch.length === 0) break;
        const frozen = batch.map((row) => {
          const standing = assignmentStanding({ ...row.state, targets: targetProgressOf(row.targets, row.actual_reports) }, bulletin.as_of, settings);
          return {
            assignmentId: row.id,
            unitId: row.unit_id,
            unitName: row.unit_name,
            region: row.region,
            taskNumber: row.task_number,
            taskTitle: row.task_title,
            status: row.status,
            ...standing,
            responsibility: row.responsibility,
            dueDate: row.due_date,
            escalationLevel: row.escalation_level,
          };
        });
        await insertItems(manager, input.bulletinId, frozen);
        judgedInTypeScript += batch.length;
        after = batch[batch.length - 1]!.id;
        Context.current().heartbeat(judgedInTypeScript);
      }
      const summary = await summariseFrozenItems(manager, input.bulletinId);
      const built = summary.build(DEFAULT_MAX_NAMED_ITEMS);
      const named = built.laggingItems.map((item) => item.assignmentId);
      if (named.length) await manager.query('UPDATE review_bulletin_items SET named = true WHERE bulletin_id = $1 AND assignment_id = ANY($2::uuid[])', [input.bulletinId, named]);
      const draftInput = { planTitle: bulletin.plan_title, asOf: bulletin.as_of, kind: bulletin.kind, summary: built };
      await manager.query(
        "UPDATE review_bulletins SET status = 'draft', summary = $2, title = $3, text = $4, snapshot_at = now(), updated_at = now() WHERE id = $1",
        [input.bulletinId, JSON.stringify(built), bulletinTitle(draftInput), draftBulletinText(draftInput)],
      );
      return { rows: built.total, named: named.length };
    });
  }

  async saveBulletinDraft(input: { bulletinId: string; edit: BulletinDraftEdit }): Promise<void> {
    const result = (await this.dataSource.query(
      "UPDATE review_bulletins SET title = COALESCE($2, title), text = COALESCE($3, text), updated_at = now() WHERE id = $1 AND status = 'draft' RETURNING id",
      [input.bulletinId, input.edit.title ?? null, input.edit.text ?? null],
    )) as [unknown[], number];
    if (result[1] === 0) throw refused('通报已发布或不存在，不能修改');
  }

  async publishBulletinDraft(input: { bulletinId: string; actorId: string }): Promise<BulletinPublished & { outboxMessageIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [bulletin] = (await manager.query(
        `SELECT b.id, b.plan_id, b.status, b.title, b.as_of::text AS as_of, b.published_at, p.title AS plan_title
           FROM review_bulletins b JOIN plans p ON p.id = b.plan_id WHERE b.id = $1 FOR UPDATE OF b`,
        [input.bulletinId],
      )) as { id: string; plan_id: string; status: string; title: string; as_of: string; published_at: Date | null; plan_title: string }[];
      if (!bulletin) throw refused('通报不存在', 'not_found');
      if (bulletin.status === 'drafting') throw refused('通报正在生成，请稍后再发布');
      let publishedAt = bulletin.published_at;
      if (bulletin.status === 'draft') {
        publishedAt = new Date();
        await manager.query("UPDATE review_bulletins SET status = 'published', published_at = $2, published_by = $3, updated_at = now() WHERE id = $1", [
          bulletin.id,
          publishedAt,
          input.actorId,
        ]);
      }
      // One 通报 per named lagging assignment; a retry inserts nothing twice.
      await manager.query(
        `INSERT INTO review_notices (bulletin_id, assignment_id, plan_id, unit_id, unit_name)
         SELECT bulletin_id, assignment_id, $2, unit_id, unit_name FROM review_bulletin_items WHERE bulletin_id = $1 AND named
         ON CONFLICT (bulletin_id, assignment_id) DO NOTHING`,
        [bulletin.id, bulletin.plan_id],
      );
      const units = (await manager.query(
        `SELECT i.unit_id, min(a.unit_id::text) AS directory_unit_id, min(i.unit_name) AS unit_name, count(*)::int AS items,
                array_agg(i.task_number ORDER BY i.task_number) AS tasks
           FROM review_bulletin_items i LEFT JOIN assignments a ON a.id = i.assignment_id
          WHERE i.bulletin_id = $1 AND i.named GROUP BY i.unit_id ORDER BY i.unit_id`,
        [bulletin.id],
      )) as { unit_id: string; directory_unit_id: string | null; unit_name: string; items: number; tasks: (number | null)[] }[];
      const outboxMessageIds = await writeOutboxMessages(
        manager,
        units.map((unit) => ({
          idempotencyKey: `bulletin.published:${bulletin.id}:${unit.unit_id}`,
          kind: 'bulletin.published',
          // Addressed by the unit's directory id (a legacy item without one keeps its name), name for display.
          recipient: unit.directory_unit_id ?? unit.unit_id,
          recipientName: unit.unit_name,
          title: `通报：${bulletin.title}`,
          body: `《${bulletin.plan_title}》截至${bulletin.as_of}的通报已发布，贵单位有${unit.items}项任务被列为进展滞后事项（任务${unit.tasks
            .filter((task): task is number => task !== null)
            .join('、') || '目标任务'}），请抓紧整改并按时反馈进展。`,
          payload: { bulletinId: bulletin.id, planId: bulletin.plan_id, unitId: unit.unit_id } as JsonObject,
        })),
      );
      const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM review_notices WHERE bulletin_id = $1', [bulletin.id])) as { count: number }[];
      return { bulletinId: bulletin.id, publishedAt: publishedAt!.toISOString(), unitsNotified: units.length, noticesRecorded: count, outboxMessageIds };
    });
  }
}

const ITEM_COLUMNS =
  'assignment_id uuid, unit_id text, unit_name text, region text, task_number int, task_title text, responsibility text, status text, due_date date, ' +
  'light text, pace text, expected_percent float8, progress_percent float8, escalation_level text, overdue boolean, overdue_working_days int, candidate boolean, lagging boolean';
/** The frozen columns after assignment_id, in ITEM_COLUMNS order. */
const ITEM_COLUMN_NAMES = ITEM_COLUMNS.split(', ')
  .slice(1)
  .map((column) => column.split(' ')[0])
  .join(', ');

const SNAPSHOT_ROW_SQL =
  'assignment_id AS "assignmentId", unit_id AS "unitId", unit_name AS "unitName", region, task_number AS "taskNumber", task_title AS "taskTitle", ' +
  'status, light, pace, progress_percent AS "progressPercent", expected_percent AS "expectedPercent", overdue, ' +
  'overdue_working_days AS "overdueWorkingDays", candidate, lagging';

/**
 * The summary of a frozen snapshot, counted by GROUP BY over its rows: the summary builder adds the groups and the
 * 通报 candidates and lagging rows it can name (the first DEFAULT_MAX_NAMED_ITEMS of each by its own order, in SQL).
 * A unit's name is that of its first row in assignment id order, as when rows were added one by one.
 */
async function summariseFrozenItems(manager: EntityManager, bulletinId: string): Promise<BulletinSummaryBuilder> {
  // Grouped by name too, with each group's first assignment id ("C": the uuid's byte order), to find each unit's first name.
  const groups = (await manager.query(
    `SELECT unit_id AS "unitId", unit_name AS "unitName", region, status, light, pace, overdue, lagging, candidate, count(*)::int AS count,
            min(assignment_id::text COLLATE "C") AS first
       FROM review_bulletin_items WHERE bulletin_id = $1 GROUP BY unit_id, unit_name, region, status, light, pace, overdue, lagging, candidate`,
    [bulletinId],
  )) as (SnapshotGroup & { first: string })[];
  const firstNames = new Map<string, { first: string; unitName: string }>();
  for (const group of groups) {
    const known = firstNames.get(group.unitId);
    if (!known || group.first < known.first) firstNames.set(group.unitId, group);
  }
  const summary = new BulletinSummaryBuilder();
  for (const group of groups) summary.addGroup({ ...group, unitName: firstNames.get(group.unitId)!.unitName });
  const lagging = (await manager.query(
    `SELECT ${SNAPSHOT_ROW_SQL} FROM review_bulletin_items WHERE bulletin_id = $1 AND lagging ORDER BY ${BY_MOST_OVERDUE_SQL} LIMIT $2`,
    [bulletinId, DEFAULT_MAX_NAMED_ITEMS],
  )) as SnapshotRow[];
  for (const row of lagging) summary.addLaggingItem(row);
  const candidates = (await manager.query(
    `SELECT ${SNAPSHOT_ROW_SQL} FROM review_bulletin_items WHERE bulletin_id = $1 AND candidate ORDER BY ${BY_MOST_OVERDUE_SQL} LIMIT $2`,
    [bulletinId, DEFAULT_MAX_NAMED_ITEMS],
  )) as SnapshotRow[];
  for (const row of candidates) summary.addCandidate(row);
  return summary;
}

async function insertItems(
  manager: EntityManager,
  bulletinId: string,
  items: readonly (SnapshotRow & { responsibility: string; dueDate: string; escalationLevel: string | null })[],
): Promise<void> {
  const records = items.map((item) => ({
    assignment_id: item.assignmentId,
    unit_id: item.unitId,
    unit_name: item.unitName,
    region: item.region,
    task_number: item.taskNumber,
    task_title: item.taskTitle,
    responsibility: item.responsibility,
    status: item.status,
    due_date: item.dueDate,
    light: item.light as LightColor,
    pace: item.pace as PaceClass | null,
    expected_percent: item.expectedPercent,
    progress_percent: item.progressPercent,
    escalation_level: item.escalationLevel,
    overdue: item.overdue,
    overdue_working_days: item.overdueWorkingDays,
    candidate: item.candidate,
    lagging: item.lagging,
  }));
  // One statement per batch: the rows travel as one JSON parameter.
  await manager.query(
    `INSERT INTO review_bulletin_items (bulletin_id, assignment_id, unit_id, unit_name, region, task_number, task_title, responsibility, status, due_date,
       light, pace, expected_percent, progress_percent, escalation_level, overdue, overdue_working_days, candidate, lagging)
     SELECT $1, x.* FROM jsonb_to_recordset($2::jsonb) AS x(${ITEM_COLUMNS})`,
    [bulletinId, JSON.stringify(records)],
  );
}
