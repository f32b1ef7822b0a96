import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One assignment as it stood at a bulletin's cut-off (frozen: later reports never change it). */
@Entity({ name: 'review_bulletin_items' })
@Index('idx_review_bulletin_items_unit', ['bulletinId', 'unitId'])
export class ReviewBulletinItemEntity {
  @PrimaryColumn({ name: 'bulletin_id', type: 'uuid' })
  bulletinId!: string;

  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  /** The assignment's unit id (directory id once units are resolved) and its display name at the cut-off. */
  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'task_number', type: 'integer', nullable: true })
  taskNumber!: number | null;

  @Column({ name: 'task_title', type: 'text', nullable: true })
  taskTitle!: string | null;

  @Column({ type: 'text' })
  responsibility!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text' })
  light!: string;

  /** 序时进度 class; null for assignments that owe nothing (withdrawn, reassigned, declined). */
  @Column({ type: 'text', nullable: true })
  pace!: string | null;

  @Column({ name: 'expected_percent', type: 'double precision' })
  expectedPercent!: number;

  @Column({ name: 'progress_percent', type: 'double precision', nullable: true })
  progressPercent!: number | null;

  @Column({ name: 'escalation_level', type: 'text', nullable: true })
  escalationLevel!: string | null;

  @Column({ type: 'boolean' })
  overdue!: boolean;

  @Column({ name: 'overdue_working_days', type: 'integer' })
  overdueWorkingDays!: number;

  @Column({ type: 'boolean' })
  candidate!: boolean;

  @Column({ type: 'boolean' })
  lagging!: boolean;

  /** Named in the bulletin text (and so notified and given a 通报 on publishing). */
  @Column({ type: 'boolean', default: false })
  named!: boolean;
}
