import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject } from './json-value';

export type BulletinStatus = 'drafting' | 'draft' | 'published';

/**
 * A bulletin (通报) of a plan as of a cut-off date: its frozen snapshot (review_bulletin_items),
 * summary and draft text. One per plan × kind × cut-off: re-running replaces an unpublished draft;
 * a published one never changes.
 */
@Entity({ name: 'review_bulletins' })
@Index('uq_review_bulletins_period', ['planId', 'kind', 'asOf'], { unique: true })
export class ReviewBulletinEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  /** half_year (scheduled 半年通报) or on_demand. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ type: 'text', default: 'drafting' })
  status!: BulletinStatus;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** The run that wrote the current snapshot (a re-run's snapshot replaces an older run's). */
  @Column({ name: 'run_id', type: 'text', nullable: true })
  runId!: string | null;

  @Column({ type: 'text', default: '' })
  title!: string;

  @Column({ type: 'text', default: '' })
  text!: string;

  /** BulletinSummary (libs/domain): counts, shares, named items. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary!: JsonObject;

  @Column({ name: 'snapshot_at', type: 'timestamptz', nullable: true })
  snapshotAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
