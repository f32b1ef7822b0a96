import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OPEN_STATUSES } from '@duban/domain';
import type { JsonObject, JsonValue } from './json-value';

/** search_text's expression (also recorded by its migration in typeorm_metadata: keep the two identical). */
export const ASSIGNMENT_SEARCH_TEXT_SQL = "lower(coalesce(task_title, '') || chr(1) || unit_name)";

/**
 * The read model of one assignment (task × unit × region): what lists,
 * dashboards and reports read. Written only by the assignment workflow's
 * activities, each write guarded by `version` (the last event sequence applied).
 */
@Entity({ name: 'assignments' })
// A plan's ledger in task order, keyset-paged (key breaks ties).
@Index('idx_assignments_plan_task_key', ['planId', 'taskNumber', 'key'])
@Index('idx_assignments_unit_status', ['unitName', 'status'])
@Index('idx_assignments_unit_id_status', ['unitId', 'status'])
// The ledger's default order (due date, key) and the light filter in that order: pages are index walks, not sorts of
// every row.
@Index('idx_assignments_due_key', ['dueDate', 'key'])
@Index('idx_assignments_light_due_key', ['light', 'dueDate', 'key'])
// The supervisors' overdue list: open assignments (a closure requested late is overdue too, see overdueSql) in
// due-date order, the owed rows' overdue test (due_at) answered from the index itself; partial, so it stays small
// as work closes.
@Index('idx_assignments_overdue_due', ['dueDate', 'key', 'dueAt'], { where: `status IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})` })
// The ledger's text search: a GIN trigram index over search_text (pg_trgm, gin_trgm_ops), which TypeORM cannot
// describe; created by migration SearchText1796164200001 and left alone by schema sync.
@Index('idx_assignments_search_trgm', { synchronize: false })
// The ledger's light order (红灯 first, then key): an index on AssignmentService's sort expression, which TypeORM
// cannot describe; created by migration LightOrderIndex1796164400001 and left alone by schema sync.
@Index('idx_assignments_light_order_key', { synchronize: false })
export class AssignmentEntity {
  /** Deterministic (UUID v5 of `key`): re-publishing the same plan writes the same ids. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Readable deterministic key: plan / task / unit / region. */
  @Column({ type: 'text', unique: true })
  key!: string;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  /** 'task' for a numbered task; 'target' for a region × year table not linked to a task. */
  @Column({ type: 'text' })
  kind!: 'task' | 'target';

  @Column({ name: 'task_number', type: 'integer', nullable: true })
  taskNumber!: number | null;

  @Column({ name: 'task_title', type: 'text', nullable: true })
  taskTitle!: string | null;

  /** The directory unit holding the assignment (null only for a row the legacy-name migration could not place). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  /** The unit's display name when published (names are for display; filters use unitId). */
  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  /**
   * What the ledger's text search matches: the task title and the unit's display name, lower-cased (so a plain
   * LIKE on it is ILIKE on each field, without lower-casing every row per query), joined by U+0001 (no text can
   * hold it: the API refuses control characters) so a match never spans the two. Kept by PostgreSQL itself.
   */
  @Column({ name: 'search_text', type: 'text', nullable: true, generatedType: 'STORED', asExpression: ASSIGNMENT_SEARCH_TEXT_SQL, select: false, insert: false, update: false })
  searchText!: string | null;

  /** lead (牵头) or support (配合). */
  @Column({ type: 'text' })
  responsibility!: 'lead' | 'support';

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'expanded_from', type: 'text', nullable: true })
  expandedFrom!: string | null;

  @Column({ type: 'boolean', default: false })
  proposed!: boolean;

  @Column({ type: 'text' })
  status!: string;

  /** green / yellow / red / neutral, with the reasons any screen can show. */
  @Column({ type: 'text' })
  light!: string;

  @Column({ name: 'light_reasons', type: 'jsonb', default: () => "'[]'" })
  lightReasons!: JsonValue[];

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'original_due_date', type: 'date' })
  originalDueDate!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** Whether the due date relies on a year without published holiday data (weekday fallback). */
  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional!: boolean;

  @Column({ type: 'integer', nullable: true })
  percent!: number | null;

  @Column({ name: 'actual_value', type: 'double precision', nullable: true })
  actualValue!: number | null;

  /** Numeric region × year targets from the plan's breakdown tables. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  targets!: JsonValue[];

  /** Recurring duties (每年…) that become recurring report obligations. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  recurring!: JsonValue[];

  @Column({ name: 'escalation_level', type: 'text', nullable: true })
  escalationLevel!: string | null;

  @Column({ name: 'talk_count', type: 'integer', default: 0 })
  talkCount!: number;

  @Column({ name: 'bulletin_count', type: 'integer', default: 0 })
  bulletinCount!: number;

  @Column({ name: 'closure_rejection_count', type: 'integer', default: 0 })
  closureRejectionCount!: number;

  @Column({ name: 'last_report_at', type: 'timestamptz', nullable: true })
  lastReportAt!: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The workflow's full domain state after the last applied event (what a query would return). */
  @Column({ type: 'jsonb' })
  state!: JsonObject;

  /** Sequence number of the last event applied: older writes (a retried activity) never overwrite newer. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'workflow_started', type: 'boolean', default: false })
  workflowStarted!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
