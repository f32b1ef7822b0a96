import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A city, district or county (行政区划) — or a province, for bodies above the seed cities. */
@Entity({ name: 'jurisdictions' })
@Check('chk_jurisdictions_level', "level IN ('province', 'city', 'district', 'county')")
@Index('idx_jurisdictions_parent', ['parentId'])
export class JurisdictionEntity {
  /** Stable: seeded ids are derived from the 行政区划 name path, so they are the same on every machine. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** 行政区划代码 (320100); null where unknown. */
  @Column({ type: 'text', nullable: true, unique: true })
  code!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: 'province' | 'city' | 'district' | 'county';

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** A district abolished or merged keeps its row: the last day it existed. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
