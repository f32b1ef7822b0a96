import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A 通报 recorded against an assignment by a published bulletin (one per bulletin × named assignment). */
@Entity({ name: 'review_notices' })
@Index('uq_review_notices_bulletin_assignment', ['bulletinId', 'assignmentId'], { unique: true })
@Index('idx_review_notices_plan_unit', ['planId', 'unitId'])
export class ReviewNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'bulletin_id', type: 'uuid' })
  bulletinId!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
