import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCalendarDays, calendarDaysBetween, isValidBusinessDate, shanghaiDateOf } from '@duban/calendar';
import {
  assignmentStanding,
  BulletinSummaryBuilder,
  hasPermission,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  LIGHT_LABELS,
  OPEN_STATUSES,
  MAX_TREND_DAYS,
  mostLaggingUnits,
  overdueTrend,
  PERMISSION_LABELS,
  resolveReviewSettings,
  DEFAULT_LAGGING_UNITS_LIMIT,
  type Actor,
  type AssignmentState,
  type BulletinSummary,
  type LaggingUnit,
  type LightColor,
  type RegionCounts,
  type ShareCount,
  type StoredReviewSettings,
  type TrendPoint,
  type UnitCounts,
  type PaceClass,
} from '@duban/domain';
import { actualReportsSql, targetProgressOf } from '@duban/persistence';
import type { PlanRunSettings } from '@duban/workflows';
import { isUuid } from '../plan.service';
import { ServiceError } from '../service-errors';

/** Assignments read per round trip while counting (bounded memory at any plan size). */
export const STATISTICS_BATCH_SIZE = 2000;
/** The trend's default length (days, ending at `to`). */
export const DEFAULT_TREND_DAYS = 30;

export interface StatisticsOverview {
  readonly asOf: string;
  readonly planId: string | null;
  readonly plans: number;
  readonly total: number;
  /** Still open (pending acceptance, in progress, closure requested). */
  readonly open: number;
  readonly overdue: number;
  readonly lagging: number;
  /** Open assignments by the escalation level they have reached (the read model's column: now, not at `asOf`). */
  readonly byEscalationLevel: readonly { key: string; label: string; count: number }[];
  readonly byLight: readonly ShareCount<LightColor>[];
  readonly byPace: readonly ShareCount<PaceClass>[];
  readonly byStatus: readonly ShareCount<string>[];
  readonly byUnit: readonly UnitCounts[];
  readonly byRegion: readonly RegionCounts[];
  readonly mostLaggingUnits: readonly LaggingUnit[];
  /** The plans counted (a plan filter names one). */
  readonly planTitles: readonly { id: string; title: string }[];
}

interface PlanRow {
  id: string;
  title: string;
  settings: (PlanRunSettings & { review?: StoredReviewSettings }) | null;
}

interface AssignmentRow {
  id: string;
  unit_id: string;
  unit_name: string;
  region: string | null;
  task_number: number | null;
  task_title: string | null;
  status: string;
  state: AssignmentState;
  targets: unknown;
  actual_reports: unknown;
}

/** Statistics readers: whoever holds readReview (supervisors, coordinators, administrators); unit staff do not. */
export function assertStatisticsReader(actor: Actor): void {
  if (!hasPermission(actor.role, 'readReview')) {
    throw new ServiceError('forbidden', `没有“${PERMISSION_LABELS.readReview}”权限，不能查看统计`, { reason: 'forbidden' });
  }
}

function dateOrToday(value: string | undefined, name: string): string {
  if (value === undefined) return shanghaiDateOf(Date.now());
  if (!isValidBusinessDate(value)) throw new ServiceError('invalid_input', `${name}“${String(value)}”无效，应为 YYYY-MM-DD`, { reason: 'invalid_date' });
  return value;
}

/**
 * The 驾驶舱's statistics: counts by light, status and 序时进度 class per plan, unit and region at a date, the most
 * lagging units and the overdue trend. Every standing is the domain's (assignmentStanding, the same rule a bulletin
 * freezes), judged over the read model batch by batch; the trend reads statistics_daily, one row per plan and day.
 */
@Injectable()
export class StatisticsService {
  private readonly logger = new Logger(StatisticsService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(input: { planId?: string; asOf?: string; limit?: number }, actor: Actor): Promise<StatisticsOverview> {
    assertStatisticsReader(actor);
    const asOf = dateOrToday(input.asOf, '统计日期');
    const plans = await this.plans(input.planId);
    const summary = new BulletinSummaryBuilder();
    for (const plan of plans) await this.countPlan(plan, asOf, summary);
    const levels = (await this.dataSource.query(
      `SELECT escalation_level AS key, count(*)::int AS count FROM assignments
        WHERE plan_id = ANY($1::uuid[]) AND status = ANY($2::text[]) AND escalation_level IS NOT NULL GROUP BY escalation_level`,
      [plans.map((plan) => plan.id), [...OPEN_STATUSES]],
    )) as { key: string; count: number }[];
    const byEscalationLevel = ESCALATION_LEVELS.map((key) => ({ key, label: ESCALATION_LEVEL_LABELS[key], count: levels.find((level) => level.key === key)?.count ?? 0 }));
    return { ...this.present(summary.build(0), asOf, input.planId ?? null, plans, input.limit ?? DEFAULT_LAGGING_UNITS_LIMIT), byEscalationLevel };
  }

  async trend(input: { planId?: string; from?: string; to?: string }, actor: Actor): Promise<{ from: string; to: string; planId: string | null; points: TrendPoint[] }> {
    assertStatisticsReader(actor);
    const to = dateOrToday(input.to, '结束日期');
    const from = input.from === undefined ? addCalendarDays(to, -(DEFAULT_TREND_DAYS - 1)) : dateOrToday(input.from, '开始日期');
    const days = calendarDaysBetween(from, to);
    if (days < 0) throw new ServiceError('invalid_input', '开始日期不能晚于结束日期', { reason: 'invalid_range' });
    if (days >= MAX_TREND_DAYS) throw new ServiceError('invalid_input', `统计区间最长${MAX_TREND_DAYS}天`, { reason: 'invalid_range' });
    const plans = await this.plans(input.planId);
    const records = (await this.dataSource.query(
      `SELECT day::text AS day, total, overdue, lagging, red FROM statistics_daily WHERE day BETWEEN $1 AND $2 AND plan_id = ANY($3::uuid[])`,
      [from, to, plans.map((plan) => plan.id)],
    )) as { day: string; total: number; overdue: number; lagging: number; red: number }[];
    return { from, to, planId: input.planId ?? null, points: overdueTrend(records, from, to) };
  }

  /**
   * Records every published plan's counts at the end of `day` (default yesterday, Shanghai: the daily job runs just
   * after midnight) in statistics_daily; re-recording a day replaces it. Returns the plans recorded.
   */
  async recordDay(day?: string): Promise<{ day: string; plans: number; failedPlanIds: string[] }> {
    const date = day ?? addCalendarDays(shanghaiDateOf(Date.now()), -1);
    if (!isValidBusinessDate(date)) throw new ServiceError('invalid_input', `统计日期“${String(date)}”无效，应为 YYYY-MM-DD`, { reason: 'invalid_date' });
    const plans = await this.plans(undefined);
    const failedPlanIds: string[] = [];
    for (const plan of plans) {
      const summary = new BulletinSummaryBuilder();
      // One plan whose rows cannot be judged (a damaged state) must not cost every other plan its day: logged, skipped.
      try {
        await this.countPlan(plan, date, summary);
      } catch (error) {
        this.logger.error(`计划 ${plan.id} 的${date}统计未能记录：${(error as Error).message}`);
        failedPlanIds.push(plan.id);
        continue;
      }
      const built = summary.build(0);
      const light = (key: LightColor) => built.byLight.find((entry) => entry.key === key)?.count ?? 0;
      const overdue = built.byUnit.reduce((sum, unit) => sum + unit.overdue, 0);
      await this.dataSource.query(
        `INSERT INTO statistics_daily (day, plan_id, total, overdue, lagging, red, yellow, green) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (day, plan_id) DO UPDATE SET total = EXCLUDED.total, overdue = EXCLUDED.overdue, lagging = EXCLUDED.lagging,
           red = EXCLUDED.red, yellow = EXCLUDED.yellow, green = EXCLUDED.green, recorded_at = now()`,
        [date, plan.id, built.total, overdue, built.laggingTotal, light('red'), light('yellow'), light('green')],
      );
    }
    return { day: date, plans: plans.length - failedPlanIds.length, failedPlanIds };
  }

  /** The published plans counted: one when `planId` names it (404 otherwise), else all. */
  private async plans(planId: string | undefined): Promise<PlanRow[]> {
    if (planId !== undefined) {
      const rows = isUuid(planId) ? ((await this.dataSource.query("SELECT id, title, settings FROM plans WHERE id = $1 AND status = 'published'", [planId])) as PlanRow[]) : [];
      if (rows.length === 0) throw new ServiceError('not_found', '计划不存在或尚未发布', { reason: 'not_found' });
      return rows;
    }
    return (await this.dataSource.query("SELECT id, title, settings FROM plans WHERE status = 'published' ORDER BY created_at, id")) as PlanRow[];
  }

  private async countPlan(plan: PlanRow, asOf: string, summary: BulletinSummaryBuilder): Promise<void> {
    const review = resolveReviewSettings(plan.settings?.review);
    const settings = { ladder: plan.settings?.ladder, light: plan.settings?.light, pace: review.pace };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = (await this.dataSource.query(
        `SELECT a.id, COALESCE(a.unit_id::text, a.state->>'unitId', a.unit_name) AS unit_id, a.unit_name, a.region, a.task_number, a.task_title, a.status, a.state,
                a.targets, ${actualReportsSql('a')} AS actual_reports
           FROM assignments a WHERE a.plan_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3`,
        [plan.id, after, STATISTICS_BATCH_SIZE],
      )) as AssignmentRow[];
      for (const row of batch) {
        const standing = assignmentStanding({ ...row.state, targets: targetProgressOf(row.targets, row.actual_reports) }, asOf, settings);
        summary.add({
          assignmentId: row.id,
          unitId: row.unit_id,
          unitName: row.unit_name,
          region: row.region,
          taskNumber: row.task_number,
          taskTitle: row.task_title,
          status: row.status,
          light: standing.light,
          pace: standing.pace,
          progressPercent: standing.progressPercent,
          expectedPercent: standing.expectedPercent,
          overdue: standing.overdue,
          overdueWorkingDays: standing.overdueWorkingDays,
          candidate: standing.candidate,
          lagging: standing.lagging,
        });
      }
      if (batch.length < STATISTICS_BATCH_SIZE) return;
      after = batch[batch.length - 1]!.id;
    }
  }

  private present(built: BulletinSummary, asOf: string, planId: string | null, plans: PlanRow[], limit: number): Omit<StatisticsOverview, 'byEscalationLevel'> {
    return {
      asOf,
      planId,
      plans: plans.length,
      total: built.total,
      open: built.byStatus.filter((entry) => (OPEN_STATUSES as readonly string[]).includes(entry.key)).reduce((sum, entry) => sum + entry.count, 0),
      overdue: built.byUnit.reduce((sum, unit) => sum + unit.overdue, 0),
      lagging: built.laggingTotal,
      byLight: built.byLight.map((entry) => ({ ...entry, label: LIGHT_LABELS[entry.key] })),
      byPace: built.byPace,
      byStatus: built.byStatus,
      byUnit: built.byUnit,
      byRegion: built.byRegion,
      mostLaggingUnits: mostLaggingUnits(built.byUnit, limit),
      planTitles: plans.map((plan) => ({ id: plan.id, title: plan.title })),
    };
  }
}
