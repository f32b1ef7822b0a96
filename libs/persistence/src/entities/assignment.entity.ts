import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OWED_STATUSES } from '@duban/domain';
import type { JsonObject, JsonValue } from './json-value';

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
@Index('idx_assignments_light_due', ['light', 'dueDate'])
// The supervisors' overdue list: open assignments in due-date order, the overdue test (due_at) answered from the
// index itself; partial, so it stays small as work closes.
@Index('idx_assignments_open_due', ['dueDate', 'key', 'dueAt'], { where: `status IN (${OWED_STATUSES.map((status) => `'${status}'`).join(', ')})` })
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
