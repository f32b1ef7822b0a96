import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json-value';

/**
 * The append-only event log of an assignment. (assignment, seq) is unique: a
 * retried activity writing the same events adds nothing.
 */
@Entity({ name: 'assignment_events' })
@Index('uq_assignment_events_seq', ['assignmentId', 'seq'], { unique: true })
@Index('idx_assignment_events_occurred', ['occurredAt'])
export class AssignmentEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  actor!: JsonObject;

  @Column({ type: 'jsonb' })
  payload!: JsonObject;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
