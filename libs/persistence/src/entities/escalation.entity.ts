import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An escalation of an assignment: a ladder level reached (催办/督办/通报/约谈
 * proposed), a supervisor's manual 催办/督办, or a 约谈 held. Counted at the
 * half-year bulletin and the annual assessment.
 */
@Entity({ name: 'escalations' })
@Index('uq_escalations_event', ['assignmentId', 'seq'], { unique: true })
@Index('idx_escalations_level_occurred', ['level', 'occurredAt'])
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** urge / supervise / bulletin / talk_proposed / talk. */
  @Column({ type: 'text' })
  level!: string;

  /** ladder (timer), supervisor (manual 催办/督办) or coordinator (约谈). */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
