import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OPEN_TALK_STATUSES, sqlTalkStatusList } from '@duban/domain';
import type { TalkSource, TalkStatus, TalkTarget } from '@duban/domain';

/**
 * A 约谈 (talk) with its own course (libs/domain/src/talk): proposed or triggered → scheduled → held →
 * rectification reported → verified or escalated. Outlives its assignment: it may be recorded after the
 * assignment closed. The annual assessment counts talk records by held_at (not escalation rows).
 */
@Entity({ name: 'talks' })
@Index('idx_talks_unit_held', ['unitId', 'heldAt'])
@Index('idx_talks_plan_status', ['planId', 'status'])
// At most one running talk per assignment: the ladder's proposal is idempotent and a second trigger is refused.
@Index('uq_talks_open_assignment', ['assignmentId'], { unique: true, where: `status IN (${sqlTalkStatusList(OPEN_TALK_STATUSES)}) AND assignment_id IS NOT NULL` })
export class TalkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  /** ladder | bulletin | assessment | manual. */
  @Column({ type: 'text' })
  source!: TalkSource;

  /** The bulletin / assessment / escalation that proposed it, when there is one. */
  @Column({ name: 'source_ref', type: 'text', nullable: true })
  sourceRef!: string | null;

  @Column({ type: 'text', default: 'proposed' })
  status!: TalkStatus;

  @Column({ type: 'text' })
  reason!: string;

  /** principal (单位主要负责人) | deputy (分管负责人). */
  @Column({ name: 'talk_target', type: 'text', nullable: true })
  talkTarget!: TalkTarget | null;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  /** Who talks to whom (names and posts), as written by the coordinator. */
  @Column({ type: 'text', nullable: true })
  attendees!: string | null;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  /** Rectification demands (整改要求). */
  @Column({ type: 'text', nullable: true })
  demands!: string | null;

  @Column({ name: 'rectify_by', type: 'date', nullable: true })
  rectifyBy!: string | null;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  rectification!: string | null;

  @Column({ name: 'rectification_reported_at', type: 'timestamptz', nullable: true })
  rectificationReportedAt!: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ name: 'escalated_reason', type: 'text', nullable: true })
  escalatedReason!: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: every transition is `UPDATE … WHERE version = :seen`; a stale one is refused (409). */
  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;
}
