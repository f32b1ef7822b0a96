import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject, JsonValue } from './json-value';

/** A progress report (反馈) of an assignment, one per progress_reported event. */
@Entity({ name: 'progress_reports' })
@Index('uq_progress_reports_event', ['assignmentId', 'seq'], { unique: true })
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'integer', nullable: true })
  percent!: number | null;

  @Column({ name: 'actual_value', type: 'double precision', nullable: true })
  actualValue!: number | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'evidence_links', type: 'text', array: true, default: () => "'{}'" })
  evidenceLinks!: string[];

  /** 佐证材料 as recorded: [{ kind: 'file', fileId, fileName, contentType, size, sha256 } | { kind: 'url', url }]. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence!: JsonValue[];

  /** Actuals per target: [{ metric, year, region, value }], checked against the assignment's targets. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  actuals!: JsonValue[];

  @Column({ type: 'jsonb' })
  actor!: JsonObject;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;
}
