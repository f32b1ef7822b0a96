import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Month, type ScheduleOptions } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { addCalendarDays } from '@duban/calendar';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { periodCutOff, resolveReviewSettings, REVIEW_TIME_ZONE, validateReviewSettings, type Actor, type ReviewPeriod, type ReviewSettings, type StoredReviewSettings } from '@duban/domain';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import { TemporalClientProvider } from '@duban/temporal';
import type { AssessmentInput, BulletinInput } from '@duban/workflows';
import { isUuid } from '../plan.service';
import { ServiceError } from '../service-errors';
import { assertCoordinator, assertReviewReader } from './bulletin.service';

const MONTHS: readonly Month[] = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];

export function reviewScheduleId(planId: string, period: ReviewPeriod): string {
  return `review:${planId}:${period.kind}:${String(period.month).padStart(2, '0')}-${String(period.day).padStart(2, '0')}`;
}

/**
 * The Temporal Schedule of one review period of a plan: fires at 00:30 Asia/Shanghai on the day after the
 * cut-off (the bulletin's cut-off is the day before its start), skips overlaps and catches up within the
 * plan's window after an outage.
 */
export function reviewScheduleOptions(input: { planId: string; period: ReviewPeriod; catchupWindowDays: number; taskQueue: string }): ScheduleOptions {
  // A non-leap year is used only to find the day after month/day (02-29 runs on 03-01 either way).
  const next = addCalendarDays(periodCutOff(input.period, 2027), 1);
  const [, month, day] = next.split('-').map(Number) as [number, number, number];
  const at = `${input.period.month}-${input.period.day}`;
  // 半年通报 → the bulletin workflow; 年度考核 → the assessment workflow (its year is the cut-off's year).
  const action =
    input.period.kind === 'annual'
      ? { workflowType: 'assessmentWorkflow', args: [{ planId: input.planId }] as [AssessmentInput], workflowId: `assessment-scheduled:${input.planId}:${at}`, comment: `截至${input.period.month}月${input.period.day}日的年度考核` }
      : { workflowType: 'bulletinWorkflow', args: [{ planId: input.planId, kind: 'half_year' }] as [BulletinInput], workflowId: `bulletin-scheduled:${input.planId}:${at}`, comment: `截至${input.period.month}月${input.period.day}日的半年通报` };
  return {
    scheduleId: reviewScheduleId(input.planId, input.period),
    spec: { calendars: [{ month: MONTHS[month - 1]!, dayOfMonth: day, hour: 0, minute: 30, comment: action.comment }], timezone: REVIEW_TIME_ZONE },
    action: { type: 'startWorkflow', workflowType: action.workflowType, taskQueue: input.taskQueue, args: action.args, workflowId: action.workflowId },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: `${Math.max(1, input.catchupWindowDays)} days` },
  };
}

/** Creates or updates (idempotently) the review schedules of a published plan from its review settings. */
@Injectable()
export class ReviewScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /** One schedule per review period: 半年通报 start the bulletin workflow, 年度考核 the assessment workflow. Returns the schedule ids. */
  async ensure(planId: string): Promise<string[]> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneOrFail({ where: { id: planId }, select: { id: true, settings: true } });
    const settings = resolveReviewSettings((plan.settings as { review?: StoredReviewSettings }).review);
    const client = await this.temporal.client();
    const ids: string[] = [];
    for (const period of settings.periods) {
      const options = reviewScheduleOptions({ planId, period, catchupWindowDays: settings.catchupWindowDays, taskQueue: this.config.temporalTaskQueue });
      try {
        await client.schedule.create(options);
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        // Already there (set up before, or another process raced us): bring it to the current settings.
        await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies } }));
      }
      ids.push(options.scheduleId);
    }
    return ids;
  }

  /** A plan's review periods, pace thresholds and rubric (the stored values over the defaults). */
  async settings(planId: string, actor: Actor): Promise<ReviewSettings> {
    assertReviewReader(actor);
    const plan = await this.plan(planId);
    return resolveReviewSettings((plan.settings as { review?: StoredReviewSettings }).review);
  }

  /** Replaces a plan's review settings (coordinators); a published plan's schedules follow at once. */
  async saveSettings(planId: string, stored: StoredReviewSettings, actor: Actor): Promise<ReviewSettings> {
    assertCoordinator(actor, '设置考评周期');
    const problems = validateReviewSettings(stored ?? {});
    if (problems.length) throw new ServiceError('invalid_input', problems.join('；'), { reason: 'invalid_review_settings', problems });
    const plan = await this.plan(planId);
    await this.dataSource.getRepository(PlanEntity).update({ id: plan.id }, { settings: { ...plan.settings, review: stored as unknown as JsonObject } });
    if (plan.status === 'published') await this.ensure(plan.id);
    return resolveReviewSettings(stored);
  }

  private async plan(planId: string): Promise<PlanEntity> {
    const plan = isUuid(planId) ? await this.dataSource.getRepository(PlanEntity).findOne({ where: { id: planId } }) : null;
    if (!plan) throw new ServiceError('not_found', '计划不存在', { reason: 'not_found' });
    return plan;
  }
}
