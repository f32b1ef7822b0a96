import { Initial1795406169165 } from './1795406169165-initial';
import { Accounts1795406872862 } from './1795406872862-accounts';
import { Assignments1795406916129 } from './1795406916129-assignments';
import { ChannelDeliveries1795408754584 } from './1795408754584-channel-deliveries';
import { OverdueIndex1795411946190 } from './1795411946190-overdue-index';
import { LoginLockoutsPerClient1796142421939 } from './1796142421939-login-lockouts-per-client';
import { OrganisationDirectory1796152271647 } from './1796152271647-organisation-directory';
import { PlanTaskKeyIndex1796152535923 } from './1796152535923-plan-task-key-index';
import { ReviewBulletins1796152649036 } from './1796152649036-review-bulletins';
import { EvidenceFilesAndReportActuals1796153250141 } from './1796153250141-evidence-files-and-report-actuals';
import { Talks1796163182464 } from './1796163182464-talks';
import { RecipientsByUnitId1796163230414 } from './1796163230414-recipients-by-unit-id';
import { StatisticsAndExportJobs1796163299074 } from './1796163299074-statistics-and-export-jobs';
import { Assessments1796163548651 } from './1796163548651-assessments';
import { OverdueIndexOpenStatuses1796163558134 } from './1796163558134-overdue-index-open-statuses';
import { WorkingCalendar1796164100001 } from './1796164100001-working-calendar';
import { SearchText1796164200001 } from './1796164200001-search-text';
import { LightOrderIndex1796164400001 } from './1796164400001-light-order-index';

/** Every migration in order, listed explicitly. Never edit one that has been applied; add a new one. */
export const MIGRATIONS: Function[] = [Initial1795406169165, Accounts1795406872862, Assignments1795406916129, ChannelDeliveries1795408754584, OverdueIndex1795411946190, LoginLockoutsPerClient1796142421939, OrganisationDirectory1796152271647, PlanTaskKeyIndex1796152535923, ReviewBulletins1796152649036, EvidenceFilesAndReportActuals1796153250141, Talks1796163182464, RecipientsByUnitId1796163230414, StatisticsAndExportJobs1796163299074, Assessments1796163548651, OverdueIndexOpenStatuses1796163558134, WorkingCalendar1796164100001, SearchText1796164200001, LightOrderIndex1796164400001];
