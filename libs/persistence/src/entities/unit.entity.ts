import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A government body (or a collective such as 各区人民政府) in a jurisdiction. Assignments, user scopes, inboxes
 * and filters carry its id; names are for display. A body renamed or merged keeps its row with validTo and the
 * successor that continues it.
 */
@Entity({ name: 'units' })
@Check('chk_units_kind', "kind IN ('department', 'district_government', 'collective', 'management_committee', 'party_body', 'other')")
@Index('idx_units_jurisdiction', ['jurisdictionId'])
export class UnitEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId!: string;

  @Column({ type: 'text' })
  kind!: 'department' | 'district_government' | 'collective' | 'management_committee' | 'party_body' | 'other';

  /** Canonical full name (南京市卫生健康委员会). */
  @Column({ type: 'text' })
  name!: string;

  /** Canonical short display name (市卫健委). */
  @Column({ name: 'short_name', type: 'text', nullable: true })
  shortName!: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The region a district government or management committee answers for (breakdown tables name it: 海安). */
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  /** Created by the legacy-name migration from a name no directory entry matched: for a coordinator to review. */
  @Column({ type: 'boolean', default: false })
  flagged!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
