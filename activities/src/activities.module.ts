import { Module } from '@nestjs/common';
import { QueuesModule } from '@duban/queues';
import { TemporalClientModule } from '@duban/temporal';
import { AssignmentActivities } from './assignment.activities';
import { AssignmentRepairActivities } from './assignment-repair.activities';
import { AssignmentStarter } from './assignment-starter';
import { BulletinActivities } from './bulletin.activities';
import { AssessmentActivities } from './assessment.activities';
import { PlanImportActivities } from './plan-import.activities';
import { PlanRolloutActivities } from './plan-rollout.activities';

/** Every activity provider; the worker binds their methods into the Temporal worker. */
export const ACTIVITY_PROVIDERS = [PlanImportActivities, PlanRolloutActivities, AssignmentActivities, AssignmentRepairActivities, BulletinActivities, AssessmentActivities];

@Module({
  imports: [QueuesModule, TemporalClientModule],
  providers: [...ACTIVITY_PROVIDERS, AssignmentStarter],
  exports: ACTIVITY_PROVIDERS,
})
export class ActivitiesModule {}
