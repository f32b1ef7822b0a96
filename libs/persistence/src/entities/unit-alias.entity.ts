import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Another name a unit goes by within a jurisdiction (市卫生健康委, 卫健部门…). Seeded, added by an administrator,
 * or learned when a coordinator maps a printed name at import (then it resolves on the jurisdiction's next import).
 */
@Entity({ name: 'unit_aliases' })
@Index('uq_unit_aliases_jurisdiction_alias', ['jurisdictionId', 'alias'], { unique: true })
@Index('idx_unit_aliases_unit', ['unitId'])
export class UnitAliasEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  /** Normalised (full-width brackets, no spaces). */
  @Column({ type: 'text' })
  alias!: string;

  /** Where the alias resolves: the unit's own jurisdiction, or the plan jurisdiction it was mapped in. */
  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId!: string;

  @Column({ type: 'text', default: 'seed' })
  source!: 'seed' | 'manual' | 'learned';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
