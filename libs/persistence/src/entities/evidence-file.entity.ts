import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonObject } from './json-value';

/**
 * One uploaded 佐证材料 file of an assignment: what was checked at upload (type by content,
 * size, sha256) and where the bytes are (`storage_key` in the configured ObjectStorage).
 * A progress report refers to it by id.
 */
@Entity({ name: 'evidence_files' })
@Index('idx_evidence_files_assignment', ['assignmentId', 'createdAt'])
export class EvidenceFileEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  /** Sanitized, with the detected type's extension: what downloads are named. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  /** Detected from the content (magic bytes), never the client's claim. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) } })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text', unique: true })
  storageKey!: string;

  /** Who uploaded it: { id, role, unitIds }. */
  @Column({ name: 'uploaded_by', type: 'jsonb' })
  uploadedBy!: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
