import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScheduleAlreadyRunning } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { resolveReviewSettings, validateReviewSettings, type Actor, type ReviewSettings, type StoredReviewSettings } from '@duban/domain';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import { TemporalClientProvider } from '@duban/temporal';
import { isUuid } from '../plan.service';
import { reviewScheduleOptions } from './review-schedule-options';
import { ServiceError } from '../service-errors';
import { assertCoordinator, assertReviewReader } from './bulletin.service';

export { reviewScheduleId, reviewScheduleOptions } from './review-schedule-options';

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
