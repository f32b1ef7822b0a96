import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RegionItem {
  readonly name: string;
  /** The city the region belongs to (null for a region only assignments name). */
  readonly city: string | null;
  readonly jurisdictionId: string | null;
  /** The district government or management committee answering for the region. */
  readonly unitId: string | null;
  readonly assignments: number;
}

/** Regions (districts, counties, zones) from the organisation directory, plus any region assignments use. */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async regions(jurisdictionId?: string): Promise<RegionItem[]> {
    const counts = new Map<string, number>(
      ((await this.dataSource.query('SELECT region AS name, count(*)::int AS n FROM assignments WHERE region IS NOT NULL GROUP BY region')) as { name: string; n: number }[]).map((row) => [row.name, row.n]),
    );
    const rows = (await this.dataSource.query(
      `SELECT u.region AS name, u.id AS unit_id, c.id AS city_id, c.name AS city
         FROM units u JOIN jurisdictions j ON j.id = u.jurisdiction_id
         JOIN jurisdictions c ON c.id = CASE WHEN j.level IN ('district', 'county') THEN j.parent_id ELSE j.id END
        WHERE u.region IS NOT NULL AND u.valid_to IS NULL AND u.kind IN ('district_government', 'management_committee')
          AND ($1::uuid IS NULL OR c.id = $1::uuid)
        ORDER BY c.name, u.region`,
      [jurisdictionId ?? null],
    )) as { name: string; unit_id: string; city_id: string; city: string }[];
    const regions: RegionItem[] = rows.map((row) => ({ name: row.name, city: row.city, jurisdictionId: row.city_id, unitId: row.unit_id, assignments: counts.get(row.name) ?? 0 }));
    if (jurisdictionId === undefined) {
      const known = new Set(regions.map((region) => region.name));
      for (const [name, n] of counts) if (!known.has(name)) regions.push({ name, city: null, jurisdictionId: null, unitId: null, assignments: n });
    }
    return regions.sort((a, b) => (a.city ?? '').localeCompare(b.city ?? '', 'zh') || a.name.localeCompare(b.name, 'zh'));
  }
}
