import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { JsonObject } from './json-value';

export type AssessmentRecordStatus = 'drafting' | 'draft' | 'confirmed';

/**
 * 年度考核 of a plan for a year: the rubric it used (a snapshot: later rubric edits never change it), its lines
 * (assessment_lines) and proposed sanctions (assessment_sanctions). One per plan × year; re-running replaces an
 * unfinished one, a confirmed one never changes.
 */
@Entity({ name: 'assessments' })
@Index('uq_assessments_plan_year', ['planId', 'year'], { unique: true })
export class AssessmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'integer' })
  year!: number;

  /** The assessment date: nothing after it counts. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ type: 'text', default: 'drafting' })
  status!: AssessmentRecordStatus;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** The run that wrote the current lines (a re-run's lines replace an older run's). */
  @Column({ name: 'run_id', type: 'text', nullable: true })
  runId!: string | null;

  /** The AssessmentRubric (libs/domain) the lines were computed with. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  rubric!: JsonObject;

  /** The plan's choice, frozen with the rubric: units are told their rank when the assessment is confirmed. */
  @Column({ name: 'publish_rankings', type: 'boolean', default: false })
  publishRankings!: boolean;

  @Column({ name: 'drafted_at', type: 'timestamptz', nullable: true })
  draftedAt!: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'confirmed_by', type: 'text', nullable: true })
  confirmedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Bumped by every change (runs, decisions, confirmation): decisions name the version they saw. */
  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;
}
