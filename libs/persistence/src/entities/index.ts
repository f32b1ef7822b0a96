import { InboxMessageEntity } from './inbox-message.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PlanEntity } from './plan.entity';
import { UserEntity } from './user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { LoginLockoutEntity } from './login-lockout.entity';
import { AuditLogEntryEntity } from './audit-log-entry.entity';
import { AssignmentEntity } from './assignment.entity';
import { AssignmentEventEntity } from './assignment-event.entity';
import { AssignmentMilestoneEntity } from './assignment-milestone.entity';
import { ProgressReportEntity } from './progress-report.entity';
import { EscalationEntity } from './escalation.entity';
import { ChannelSubscriptionEntity } from './channel-subscription.entity';
import { ChannelDeliveryEntity } from './channel-delivery.entity';
import { JurisdictionEntity } from './jurisdiction.entity';
import { UnitEntity } from './unit.entity';
import { UnitAliasEntity } from './unit-alias.entity';
import { EvidenceFileEntity } from './evidence-file.entity';
import { ReviewBulletinEntity } from './review-bulletin.entity';
import { ReviewBulletinItemEntity } from './review-bulletin-item.entity';
import { ReviewNoticeEntity } from './review-notice.entity';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentLineEntity } from './assessment-line.entity';
import { AssessmentSanctionEntity } from './assessment-sanction.entity';
import { TalkEntity } from './talk.entity';
import { StatisticsDailyEntity } from './statistics-daily.entity';
import { ExportJobEntity } from './export-job.entity';
import { WorkingCalendarDayEntity, WorkingCalendarSourceEntity } from './working-calendar-day.entity';

export { InboxMessageEntity, OutboxMessageEntity, PlanEntity };
export { UserEntity, RefreshTokenEntity, LoginLockoutEntity, AuditLogEntryEntity };
export { AssignmentEntity, AssignmentEventEntity, AssignmentMilestoneEntity, ProgressReportEntity, EscalationEntity };
export { ChannelSubscriptionEntity, ChannelDeliveryEntity };
export { JurisdictionEntity, UnitEntity, UnitAliasEntity };
export { EvidenceFileEntity };
export { ReviewBulletinEntity, ReviewBulletinItemEntity, ReviewNoticeEntity };
export { TalkEntity };
export { AssessmentEntity, AssessmentLineEntity, AssessmentSanctionEntity };
export type { AssessmentRecordStatus } from './assessment.entity';
export type { SanctionRecordStatus } from './assessment-sanction.entity';
export { StatisticsDailyEntity, ExportJobEntity };
export { WorkingCalendarDayEntity, WorkingCalendarSourceEntity };
export type { ExportJobStatus } from './export-job.entity';
export type { BulletinStatus } from './review-bulletin.entity';
export type { ChannelDeliveryStatus } from './channel-delivery.entity';
export type { OutboxStatus } from './outbox-message.entity';
export type { PlanStatus } from './plan.entity';

/** Every entity, listed explicitly (no globs: the same list works from src, dist and bundles). */
export const ENTITIES = [
  PlanEntity, OutboxMessageEntity, InboxMessageEntity, UserEntity, RefreshTokenEntity, LoginLockoutEntity, AuditLogEntryEntity,
  AssignmentEntity, AssignmentEventEntity, AssignmentMilestoneEntity, ProgressReportEntity, EscalationEntity,
  ChannelSubscriptionEntity, ChannelDeliveryEntity, EvidenceFileEntity,
  JurisdictionEntity, UnitEntity, UnitAliasEntity,
  ReviewBulletinEntity, ReviewBulletinItemEntity, ReviewNoticeEntity,
  TalkEntity,
  AssessmentEntity, AssessmentLineEntity, AssessmentSanctionEntity,
  StatisticsDailyEntity, ExportJobEntity,
  WorkingCalendarDayEntity, WorkingCalendarSourceEntity,
];
export type { JsonObject, JsonValue } from './json-value';
