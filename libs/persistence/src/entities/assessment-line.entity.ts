import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonValue } from './json-value';

/** One unit's line of an assessment: group, score, grade, rank and the score lines that explain it. */
@Entity({ name: 'assessment_lines' })
export class AssessmentLineEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  /** The unit's directory id. */
  @PrimaryColumn({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @Column({ name: 'unit_kind', type: 'text' })
  unitKind!: string;

  /** The rubric group ranked together (departments, districts…) and its label. */
  @Column({ name: 'group_code', type: 'text' })
  groupCode!: string;

  @Column({ name: 'group_label', type: 'text' })
  groupLabel!: string;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'text' })
  grade!: string;

  @Column({ type: 'integer' })
  rank!: number;

  /** ScoreLine[] (libs/domain): reason, points, eventRef. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  items!: JsonValue[];

  /** On time, late, open overdue, 通报 and 约谈 counted. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts!: JsonValue;

  /** Display order (group, rank, name). */
  @Column({ type: 'integer' })
  position!: number;
}
