import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { loadUnitDirectories, type UnitDirectory, type UnitKind } from '@duban/plan-parser';

export interface UnitItem {
  readonly name: string;
  readonly id: string | null;
  readonly kind: UnitKind | null;
  readonly aliases: readonly string[];
  /** Cities whose directory lists the unit (seeds/directories). */
  readonly cities: readonly string[];
  /** Assignments held by the unit (0 for directory units without any yet). */
  readonly assignments: number;
}

export interface RegionItem {
  readonly name: string;
  readonly city: string | null;
  readonly assignments: number;
}

/** The units and regions directory: seeds/directories plus the names assignments actually use. */
@Injectable()
export class DirectoryService {
  private directories: UnitDirectory[] | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  async units(text?: string): Promise<UnitItem[]> {
    const counts = new Map<string, number>(
      ((await this.dataSource.query('SELECT unit_name AS name, count(*)::int AS n FROM assignments GROUP BY unit_name')) as { name: string; n: number }[]).map((row) => [row.name, row.n]),
    );
    const byName = new Map<string, { id: string | null; kind: UnitKind | null; aliases: Set<string>; cities: Set<string> }>();
    for (const directory of this.loadDirectories()) {
      for (const unit of directory.units) {
        const entry = byName.get(unit.name) ?? { id: unit.id, kind: unit.kind, aliases: new Set<string>(), cities: new Set<string>() };
        unit.aliases.forEach((alias) => entry.aliases.add(alias));
        if (directory.city) entry.cities.add(directory.city);
        byName.set(unit.name, entry);
      }
    }
    for (const name of counts.keys()) if (!byName.has(name)) byName.set(name, { id: null, kind: null, aliases: new Set(), cities: new Set() });
    const needle = text?.trim();
    return [...byName.entries()]
      .filter(([name, entry]) => !needle || name.includes(needle) || [...entry.aliases].some((alias) => alias.includes(needle)))
      .map(([name, entry]) => ({ name, id: entry.id, kind: entry.kind, aliases: [...entry.aliases], cities: [...entry.cities], assignments: counts.get(name) ?? 0 }))
      .sort((a, b) => b.assignments - a.assignments || a.name.localeCompare(b.name, 'zh'));
  }

  async regions(): Promise<RegionItem[]> {
    const counts = new Map<string, number>(
      ((await this.dataSource.query('SELECT region AS name, count(*)::int AS n FROM assignments WHERE region IS NOT NULL GROUP BY region')) as { name: string; n: number }[]).map((row) => [row.name, row.n]),
    );
    const regions = new Map<string, string | null>();
    for (const directory of this.loadDirectories()) for (const district of directory.districts) if (!regions.has(district)) regions.set(district, directory.city);
    for (const name of counts.keys()) if (!regions.has(name)) regions.set(name, null);
    return [...regions.entries()].map(([name, city]) => ({ name, city, assignments: counts.get(name) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  private loadDirectories(): UnitDirectory[] {
    this.directories ??= loadUnitDirectories(join(this.config.seedsDir, 'directories'));
    return this.directories;
  }
}
