import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ROLES, type Role } from '@duban/domain';

/** A person who signs in to Duban. The role and units become the domain Actor of their requests. */
@Entity({ name: 'users' })
@Check('chk_users_role', `role IN (${ROLES.map((role) => `'${role}'`).join(', ')})`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower-case login name, unique. */
  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** Canonical unit names (as in the unit directories) a unit_staff user acts for. */
  @Column({ name: 'unit_ids', type: 'text', array: true, default: () => "'{}'" })
  unitIds!: string[];

  /** argon2id hash (PHC string); never leaves the accounts library. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Bumped when a password changes: access tokens carry it, so older ones stop working at once. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
