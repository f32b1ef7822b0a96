import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per (username, client address) — also for names that do not
 * exist, so a lock-out does not reveal which accounts exist — and per username
 * across all addresses (client_ip '*'). Deleted on a successful sign-in.
 */
@Entity({ name: 'login_lockouts' })
export class LoginLockoutEntity {
  /** Lower-case username as typed. */
  @PrimaryColumn({ type: 'text' })
  username!: string;

  /** The client's address, or '*' for the account-wide count. */
  @PrimaryColumn({ name: 'client_ip', type: 'text', default: '*' })
  clientIp!: string;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'last_failed_at', type: 'timestamptz', nullable: true })
  lastFailedAt!: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
