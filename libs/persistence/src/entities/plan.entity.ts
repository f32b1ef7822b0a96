import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject, JsonValue } from './json-value';

export type PlanStatus = 'draft' | 'publishing' | 'published' | 'withdrawn';

/** An imported action plan: the parser's Plan JSON plus its lifecycle. */
@Entity({ name: 'plans' })
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** sha256 of the uploaded bytes: importing the same document twice yields the same plan. */
  @Column({ name: 'source_hash', type: 'text', unique: true })
  sourceHash!: string;

  @Column({ name: 'document_name', type: 'text' })
  documentName!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'doc_number', type: 'text', nullable: true })
  docNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Column({ name: 'period_from', type: 'integer', nullable: true })
  periodFrom!: number | null;

  @Column({ name: 'period_to', type: 'integer', nullable: true })
  periodTo!: number | null;

  @Column({ type: 'text', default: 'draft' })
  status!: PlanStatus;

  @Column({ name: 'task_count', type: 'integer' })
  taskCount!: number;

  /** The parser's output (Plan JSON), edited in place while the plan is a draft. */
  @Column({ type: 'jsonb' })
  parsed!: JsonObject;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: JsonValue[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** A coordinator confirmed the proposed units of tasks without a responsibility clause. */
  @Column({ name: 'proposals_confirmed_at', type: 'timestamptz', nullable: true })
  proposalsConfirmedAt!: Date | null;

  /** How assignments of this plan run: escalation ladder, reminders, lights (defaults when empty). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: JsonObject;

  /** The jurisdiction (city) the plan belongs to: detected at import, confirmed by a coordinator in the draft. */
  @Column({ name: 'jurisdiction_id', type: 'uuid', nullable: true })
  jurisdictionId!: string | null;

  /** A coordinator accepted the plan period's end as the due date of tasks that print none. */
  @Column({ name: 'plan_end_default_accepted_at', type: 'timestamptz', nullable: true })
  planEndDefaultAcceptedAt!: Date | null;

  @Column({ name: 'assignment_count', type: 'integer', default: 0 })
  assignmentCount!: number;
}
