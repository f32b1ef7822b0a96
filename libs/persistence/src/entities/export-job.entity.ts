import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonObject } from './json-value';

export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A large export run as a BullMQ job: written to the object storage, downloaded when done. */
@Entity({ name: 'export_jobs' })
@Index('idx_export_jobs_created', ['createdAt'])
export class ExportJobEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_export_jobs' })
  id!: string;

  /** What is exported: 'ledger' (the 台账 of filtered assignments). */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter!: JsonObject;

  /** The requester (role, unit ids, id): the export holds what they may read, and only they fetch it. */
  @Column({ name: 'requested_by', type: 'jsonb' })
  requestedBy!: JsonObject;

  @Column({ type: 'text' })
  status!: ExportJobStatus;

  @Column({ type: 'integer', nullable: true })
  rows!: number | null;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey!: string | null;

  @Column({ type: 'bigint', nullable: true })
  size!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
