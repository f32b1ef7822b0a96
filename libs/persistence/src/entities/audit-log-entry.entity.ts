import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json-value';

/**
 * One mutating HTTP request (POST/PUT/PATCH/DELETE), successful or not.
 * Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_occurred_at', ['occurredAt'])
@Index('idx_audit_log_user_occurred_at', ['userId', 'occurredAt'])
export class AuditLogEntryEntity {
  /** bigint comes back as a string from pg. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  /** No foreign key: the trail must outlive whatever happens to the account. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text', nullable: true })
  username!: string | null;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'text' })
  method!: string;

  /** The request path without its query string, e.g. /api/v1/users/4f…. */
  @Column({ type: 'text' })
  path!: string;

  /** The matched route pattern, e.g. /api/v1/users/:id (null when no route matched). */
  @Column({ type: 'text', nullable: true })
  route!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: JsonObject;

  /** Redacted, truncated summary of the request body (never passwords or tokens). */
  @Column({ name: 'body_summary', type: 'jsonb', nullable: true })
  bodySummary!: JsonObject | null;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode!: number;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
