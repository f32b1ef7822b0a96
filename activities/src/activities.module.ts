import { Module } from '@nestjs/common';
import { QueuesModule } from '@duban/queues';
import { PlanImportActivities } from './plan-import.activities';

/** Every activity provider; the worker binds their methods into the Temporal worker. */
export const ACTIVITY_PROVIDERS = [PlanImportActivities];

@Module({
  imports: [QueuesModule],
  providers: ACTIVITY_PROVIDERS,
  exports: ACTIVITY_PROVIDERS,
})
export class ActivitiesModule {}
