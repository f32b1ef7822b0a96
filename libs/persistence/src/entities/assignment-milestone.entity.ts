import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A dated commitment of an assignment: a task deadline, a yearly target, or the plan period's end. */
@Entity({ name: 'assignment_milestones' })
@Index('uq_assignment_milestones', ['assignmentId', 'position'], { unique: true })
export class AssignmentMilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'date' })
  due!: string;

  @Column({ type: 'text' })
  text!: string;

  /** deadline / plan_period / default / breakdown. */
  @Column({ type: 'text' })
  source!: string;
}
