import { Module } from '@nestjs/common';
import { DubanConfigModule } from '@duban/config';
import { PersistenceModule } from '@duban/persistence';
import { StorageModule } from '@duban/storage';
import { TemporalClientModule } from '@duban/temporal';
import { AssignmentService } from './assignment.service';
import { ChannelSubscriptionService } from './channel-subscription.service';
import { ConsistencyService } from './consistency.service';
import { DirectoryService } from './directory.service';
import { EscalationService } from './escalation.service';
import { EventFeedService } from './event-feed.service';
import { EvidenceService } from './evidence/evidence.service';
import { InboxService } from './inbox.service';
import { PlanService } from './plan.service';
import { SeedService } from './seed.service';
import { OrganisationService } from './organisation/organisation.service';
import { PlanUnitsService } from './organisation/plan-units.service';
import { BulletinService } from './review/bulletin.service';
import { AssessmentService } from './review/assessment.service';
import { ReviewExportService } from './review/review-export.service';
import { ReviewScheduleService } from './review/review-schedule.service';
import { TalkService } from './review/talk.service';
import { StatisticsService } from './review/statistics.service';
import { ExportJobService } from './review/export-job.service';

const SERVICES = [ChannelSubscriptionService, PlanService, AssignmentService, InboxService, SeedService, EscalationService, DirectoryService, EventFeedService, ConsistencyService, OrganisationService, PlanUnitsService, EvidenceService, BulletinService, ReviewExportService, ReviewScheduleService, TalkService, AssessmentService, StatisticsService, ExportJobService];

/** The use cases, shared by the API and the CLI. */
@Module({
  imports: [DubanConfigModule, PersistenceModule, TemporalClientModule, StorageModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ServicesModule {}
