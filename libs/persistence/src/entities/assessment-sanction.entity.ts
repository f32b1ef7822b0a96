import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SanctionRecordStatus = 'proposed' | 'confirmed' | 'waived';

/**
 * A sanction an assessment proposes (取消年终评优资格 when the rubric's rule holds) and the coordinator's decision:
 * confirmed (the unit is notified once) or waived (a reason is required and kept).
 */
@Entity({ name: 'assessment_sanctions' })
@Index('uq_assessment_sanctions_unit_kind', ['assessmentId', 'unitId', 'kind'], { unique: true })
export class AssessmentSanctionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** The rules that held, in words (依据). */
  @Column({ type: 'text' })
  rule!: string;

  @Column({ type: 'text', default: 'proposed' })
  status!: SanctionRecordStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
