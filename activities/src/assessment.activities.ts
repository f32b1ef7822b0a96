import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { addCalendarDays, compareBusinessDates, shanghaiDateOf, yearOf } from '@duban/calendar';
import {
  ASSESSMENT_GRADE_LABELS,
  assessYear,
  HELD_TALK_STATUSES,
  resolveReviewSettings,
  SANCTION_KIND_LABELS,
  type AssessedAssignment,
  type AssessedBulletinNotice,
  type AssessedTalk,
  type AssessedUnit,
  type AssessmentGrade,
  type AssessmentRubric,
  type SanctionKind,
  type StoredReviewSettings,
} from '@duban/domain';
import { assessmentIsFinished, ensureAssessmentRow, type JsonObject } from '@duban/persistence';
import { writeOutboxMessages } from '@duban/notifications';
import type { AssessmentActivityApi, AssessmentComputed, AssessmentConfirmed, AssessmentInput, AssessmentPrepared, SanctionDecided, SanctionDecisionRequest } from '@duban/workflows';

function refused(message: string, type = 'conflict'): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

/**
 * The assessment date of a year: its last day once the year is over, else today (Shanghai). A scheduled run
 * (no year) fires just after the cut-off day ends, so it assesses the day before.
 */
export function assessmentDateOf(year: number | undefined, now: number): { year: number; asOf: string } {
  const today = shanghaiDateOf(now);
  if (year === undefined) {
    const asOf = addCalendarDays(today, -1);
    return { year: yearOf(asOf), asOf };
  }
  const end = `${year}-12-31`;
  return { year, asOf: compareBusinessDates(end, today) < 0 ? end : today };
}

@Injectable()
export class AssessmentActivities implements Omit<AssessmentActivityApi, 'enqueueOutboxMessages'> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async prepareAssessment(input: AssessmentInput & { runId: string; workflowId: string }): Promise<AssessmentPrepared> {
    const { year, asOf } = assessmentDateOf(input.year, Date.now());
    return this.dataSource.transaction(async (manager) => {
      const row = await ensureAssessmentRow(manager, { planId: input.planId, year, asOf, workflowId: input.workflowId });
      await manager.query('SELECT id FROM assessments WHERE id = $1 FOR UPDATE', [row.id]);
      if (await assessmentIsFinished(manager, row.id)) throw refused(`${year}年度考核已确认或已处理，不能重新生成`, 'assessment_confirmed');
      const [plan] = (await manager.query('SELECT settings FROM plans WHERE id = $1', [input.planId])) as { settings: { review?: StoredReviewSettings } }[];
      if (!plan) throw refused('计划不存在', 'not_found');
      // The rubric and the publish choice are frozen with the run: later edits of the plan's settings never change it.
      const review = resolveReviewSettings(plan.settings.review);
      await manager.query(
        `UPDATE assessments SET status = 'drafting', as_of = $2, run_id = $3, workflow_id = $4, rubric = $5, publish_rankings = $6, drafted_at = NULL,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [row.id, asOf, input.runId, input.workflowId, JSON.stringify(review.rubric), review.publishRankings],
      );
      return { assessmentId: row.id, year, asOf };
    });
  }

  async computeAssessment(input: { assessmentId: string; runId: string }): Promise<AssessmentComputed> {
    return this.dataSource.transaction(async (manager) => {
      const [assessment] = (await manager.query('SELECT plan_id, year, as_of::text AS as_of, status, run_id, rubric FROM assessments WHERE id = $1 FOR UPDATE', [input.assessmentId])) as {
        plan_id: string;
        year: number;
        as_of: string;
        status: string;
        run_id: string;
        rubric: AssessmentRubric;
      }[];
      if (!assessment) throw refused('考核不存在', 'not_found');
      // A replaced run (re-run) or a finished assessment: this run may not write.
      if (assessment.run_id !== input.runId) throw refused('该考核已由新的生成任务接管', 'superseded');
      if (await assessmentIsFinished(manager, input.assessmentId)) throw refused('考核已确认或已处理，不能重新生成', 'assessment_confirmed');
      const planId = assessment.plan_id;
      const units = (await manager.query(
        `SELECT u.id AS "unitId", COALESCE(u.short_name, u.name) AS "unitName", u.kind
           FROM units u WHERE u.id IN (SELECT DISTINCT unit_id FROM assignments WHERE plan_id = $1 AND unit_id IS NOT NULL)`,
        [planId],
      )) as AssessedUnit[];
      const assignments = (await manager.query(
        `SELECT id AS "assignmentId", unit_id::text AS "unitId", task_number AS "taskNumber", task_title AS "taskTitle", responsibility, status,
                due_date::text AS "dueDate", state->>'completedDate' AS "completedDate"
           FROM assignments WHERE plan_id = $1 AND unit_id IS NOT NULL`,
        [planId],
      )) as AssessedAssignment[];
      // 通报 are counted from the bulletin record only (one review_notices row per published bulletin × named
      // assignment), never also from escalation rows at level bulletin: the same 通报 is never counted twice.
      const notices = (await manager.query(
        `SELECT n.id AS "noticeId", a.unit_id::text AS "unitId", n.assignment_id AS "assignmentId", b.as_of::text AS "bulletinAsOf", b.title AS "bulletinTitle"
           FROM review_notices n JOIN review_bulletins b ON b.id = n.bulletin_id AND b.status = 'published'
           JOIN assignments a ON a.id = n.assignment_id
          WHERE n.plan_id = $1 AND a.unit_id IS NOT NULL AND b.as_of BETWEEN $2 AND $3`,
        [planId, `${assessment.year}-01-01`, assessment.as_of],
      )) as AssessedBulletinNotice[];
      const talks = (await manager.query(
        `SELECT t.id AS "talkId", COALESCE(t.unit_id, a.unit_id)::text AS "unitId", t.assignment_id AS "assignmentId", t.status,
                (t.held_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "heldOn"
           FROM talks t LEFT JOIN assignments a ON a.id = t.assignment_id
          WHERE t.plan_id = $1 AND t.held_at IS NOT NULL AND t.status = ANY($2) AND COALESCE(t.unit_id, a.unit_id) IS NOT NULL`,
        [planId, HELD_TALK_STATUSES],
      )) as AssessedTalk[];
      const lines = assessYear({ year: assessment.year, asOf: assessment.as_of, rubric: assessment.rubric, units, assignments, notices, talks });
      await manager.query('DELETE FROM assessment_sanctions WHERE assessment_id = $1', [input.assessmentId]);
      await manager.query('DELETE FROM assessment_lines WHERE assessment_id = $1', [input.assessmentId]);
      const lineRecords = lines.map((line, position) => ({
        unit_id: line.unitId,
        unit_name: line.unitName,
        unit_kind: line.unitKind,
        group_code: line.group,
        group_label: line.groupLabel,
        score: line.score,
        grade: line.grade,
        rank: line.rank,
        items: line.items,
        counts: line.counts,
        position,
      }));
      // One statement each: the rows travel as one JSON parameter.
      await manager.query(
        `INSERT INTO assessment_lines (assessment_id, unit_id, unit_name, unit_kind, group_code, group_label, score, grade, rank, items, counts, position)
         SELECT $1, x.* FROM jsonb_to_recordset($2::jsonb) AS x(unit_id text, unit_name text, unit_kind text, group_code text, group_label text,
           score float8, grade text, rank int, items jsonb, counts jsonb, position int)`,
        [input.assessmentId, JSON.stringify(lineRecords)],
      );
      const sanctions = lines.flatMap((line) => line.sanctions.map((sanction) => ({ unit_id: line.unitId, unit_name: line.unitName, kind: sanction.kind, rule: sanction.rule })));
      await manager.query(
        `INSERT INTO assessment_sanctions (id, assessment_id, unit_id, unit_name, kind, rule, status)
         SELECT gen_random_uuid(), $1, x.unit_id, x.unit_name, x.kind, x.rule, 'proposed' FROM jsonb_to_recordset($2::jsonb) AS x(unit_id text, unit_name text, kind text, rule text)`,
        [input.assessmentId, JSON.stringify(sanctions)],
      );
      await manager.query("UPDATE assessments SET status = 'draft', drafted_at = now(), version = version + 1, updated_at = now() WHERE id = $1", [input.assessmentId]);
      return { lines: lines.length, sanctions: sanctions.length };
    });
  }

  async decideAssessmentSanction(input: SanctionDecisionRequest & { assessmentId: string }): Promise<SanctionDecided & { outboxMessageIds: string[] }> {
    const target = input.decision === 'confirm' ? 'confirmed' : 'waived';
    const reason = input.reason?.trim() || null;
    if (target === 'waived' && reason === null) throw refused('免予处理须说明理由', 'invalid_input');
    return this.dataSource.transaction(async (manager) => {
      const [assessment] = (await manager.query(
        `SELECT a.id, a.status, a.year, p.title AS plan_title FROM assessments a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1 FOR UPDATE OF a`,
        [input.assessmentId],
      )) as { id: string; status: string; year: number; plan_title: string }[];
      if (!assessment) throw refused('考核不存在', 'not_found');
      const [sanction] = (await manager.query('SELECT id, unit_id, unit_name, kind, rule, status, reason, decided_by, decided_at FROM assessment_sanctions WHERE id = $1 AND assessment_id = $2 FOR UPDATE', [
        input.sanctionId,
        input.assessmentId,
      ])) as { id: string; unit_id: string; unit_name: string; kind: SanctionKind; rule: string; status: string; reason: string | null; decided_by: string | null; decided_at: Date | null }[];
      if (!sanction) throw refused('处理事项不存在', 'not_found');
      const key = `assessment.sanction.confirmed:${sanction.id}`;
      // A retried activity after its own success: answer the same outcome (the outbox key writes nothing twice).
      if (sanction.status === target && sanction.decided_by === input.actorId && sanction.reason === reason) {
        const outboxMessageIds = target === 'confirmed' ? ((await manager.query('SELECT id FROM outbox_messages WHERE idempotency_key = $1', [key])) as { id: string }[]).map((row) => row.id) : [];
        return { sanctionId: sanction.id, status: target, reason, decidedBy: input.actorId, decidedAt: sanction.decided_at!.toISOString(), outboxMessageIds };
      }
      if (sanction.status !== 'proposed') throw refused(`该处理事项已${sanction.status === 'confirmed' ? '确认' : '免予处理'}，不能重复处理`);
      if (assessment.status !== 'draft') throw refused(assessment.status === 'confirmed' ? '考核结果已确认，不能再处理' : '考核正在生成，请稍后再处理');
      const decidedAt = new Date();
      await manager.query("UPDATE assessment_sanctions SET status = $2, reason = $3, decided_by = $4, decided_at = $5 WHERE id = $1 AND status = 'proposed'", [
        sanction.id,
        target,
        reason,
        input.actorId,
        decidedAt,
      ]);
      await manager.query('UPDATE assessments SET version = version + 1, updated_at = now() WHERE id = $1', [assessment.id]);
      let outboxMessageIds: string[] = [];
      if (target === 'confirmed') {
        const label = SANCTION_KIND_LABELS[sanction.kind] ?? sanction.kind;
        outboxMessageIds = await writeOutboxMessages(manager, [
          {
            idempotencyKey: key,
            kind: 'assessment.sanction.confirmed',
            recipient: sanction.unit_id,
            recipientName: sanction.unit_name,
            title: `${assessment.year}年度考核处理决定：${label}`,
            body: `根据《${assessment.plan_title}》${assessment.year}年度考核结果，经牵头协调人员确认，对贵单位作出“${label}”的处理。依据：${sanction.rule}。${reason ? `说明：${reason}。` : ''}`,
            payload: { assessmentId: assessment.id, sanctionId: sanction.id, unitId: sanction.unit_id, kind: sanction.kind } as JsonObject,
          },
        ]);
      }
      return { sanctionId: sanction.id, status: target, reason, decidedBy: input.actorId, decidedAt: decidedAt.toISOString(), outboxMessageIds };
    });
  }

  async confirmAssessmentRecord(input: { assessmentId: string; actorId: string }): Promise<AssessmentConfirmed & { outboxMessageIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [assessment] = (await manager.query(
        `SELECT a.id, a.status, a.year, a.publish_rankings, a.confirmed_at, p.title AS plan_title FROM assessments a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1 FOR UPDATE OF a`,
        [input.assessmentId],
      )) as { id: string; status: string; year: number; publish_rankings: boolean; confirmed_at: Date | null; plan_title: string }[];
      if (!assessment) throw refused('考核不存在', 'not_found');
      if (assessment.status === 'drafting') throw refused('考核正在生成，请稍后再确认');
      const [{ proposed }] = (await manager.query("SELECT count(*)::int AS proposed FROM assessment_sanctions WHERE assessment_id = $1 AND status = 'proposed'", [assessment.id])) as { proposed: number }[];
      if (assessment.status === 'draft' && proposed > 0) throw refused(`尚有${proposed}项拟处理事项未确认或免予，不能确认考核结果`);
      let confirmedAt = assessment.confirmed_at;
      if (assessment.status === 'draft') {
        confirmedAt = new Date();
        await manager.query("UPDATE assessments SET status = 'confirmed', confirmed_at = $2, confirmed_by = $3, version = version + 1, updated_at = now() WHERE id = $1", [
          assessment.id,
          confirmedAt,
          input.actorId,
        ]);
      }
      let outboxMessageIds: string[] = [];
      if (assessment.publish_rankings) {
        // The plan publishes rankings: each unit is told its own score, grade and place in its group.
        const lines = (await manager.query(
          `SELECT l.unit_id, l.unit_name, l.group_label, l.score, l.grade, l.rank, (SELECT count(*)::int FROM assessment_lines g WHERE g.assessment_id = l.assessment_id AND g.group_code = l.group_code) AS group_size
             FROM assessment_lines l WHERE l.assessment_id = $1 ORDER BY l.position`,
          [assessment.id],
        )) as { unit_id: string; unit_name: string; group_label: string; score: number; grade: AssessmentGrade; rank: number; group_size: number }[];
        outboxMessageIds = await writeOutboxMessages(
          manager,
          lines.map((line) => ({
            idempotencyKey: `assessment.ranking:${assessment.id}:${line.unit_id}`,
            kind: 'assessment.ranking',
            recipient: line.unit_id,
            recipientName: line.unit_name,
            title: `${assessment.year}年度考核结果`,
            body: `《${assessment.plan_title}》${assessment.year}年度考核结果已确认：贵单位得分${line.score}分，等次${ASSESSMENT_GRADE_LABELS[line.grade] ?? line.grade}，在${line.group_label}中排名第${line.rank}（共${line.group_size}个单位）。`,
            payload: { assessmentId: assessment.id, unitId: line.unit_id } as JsonObject,
          })),
        );
      }
      return { assessmentId: assessment.id, confirmedAt: confirmedAt!.toISOString(), rankingsNotified: outboxMessageIds.length, outboxMessageIds };
    });
  }
}
