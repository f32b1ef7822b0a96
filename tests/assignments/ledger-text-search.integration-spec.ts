import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { assignmentTextCondition } from '@duban/services';
import { readTestRun } from '../support/test-run';

/**
 * The ledger's text filter (search_text LIKE + directory ids) finds exactly what the plain ILIKE predicate it
 * replaced found: a substring, case-insensitive, of the task title, the unit's display name, the directory unit's
 * full or short name, or an alias valid in the plan's city or its districts. The reference is that old predicate,
 * written out here independently; every substring of the test's own texts (and upper-cased variants) is tried, and
 * a sample of the longer ones again with sequential scans off, so the trigram index answers.
 */
const REFERENCE = `(a.task_title ILIKE $2 OR a.unit_name ILIKE $2
  OR EXISTS (SELECT 1 FROM unit_aliases al JOIN jurisdictions j ON j.id = al.jurisdiction_id JOIN plans p ON p.id = a.plan_id
             WHERE al.unit_id = a.unit_id AND al.alias ILIKE $2 AND (j.id = p.jurisdiction_id OR j.parent_id = p.jurisdiction_id))
  OR EXISTS (SELECT 1 FROM units u WHERE u.id = a.unit_id AND (u.name ILIKE $2 OR u.short_name ILIKE $2)))`;

const pattern = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

describe('the ledger text filter matches what ILIKE on every name matched', () => {
  const client = new Client({ connectionString: readTestRun().databaseUrl });
  const run = randomUUID().slice(0, 8);
  const city = randomUUID();
  const district = randomUUID();
  const otherCity = randomUUID();
  const healthUnit = randomUUID();
  const districtUnit = randomUUID();
  const planId = randomUUID();
  const texts: string[] = [];

  beforeAll(async () => {
    await client.connect();
    await client.query(
      `INSERT INTO jurisdictions (id, name, level, parent_id) VALUES ($1, $4, 'city', NULL), ($2, $5, 'district', $1), ($3, $6, 'city', NULL)`,
      [city, district, otherCity, `测试市${run}`, `测试区${run}`, `别的市${run}`],
    );
    await client.query(
      `INSERT INTO units (id, jurisdiction_id, kind, name, short_name) VALUES ($1, $3, 'department', '测试市卫生健康委员会', '市卫健委'), ($2, $4, 'district_government', '测试区人民政府', NULL)`,
      [healthUnit, districtUnit, city, district],
    );
    // 卫健部门 in the plan's city, 区政府 in one of its districts: both count; 健康办 is another city's alias: never.
    await client.query(
      `INSERT INTO unit_aliases (unit_id, alias, jurisdiction_id) VALUES ($1, $4, $3), ($2, $5, $6), ($1, $7, $8)`,
      [healthUnit, districtUnit, city, `卫健部门${run}`, `区政府${run}`, district, `健康办${run}`, otherCity],
    );
    await client.query(
      `INSERT INTO plans (id, source_hash, document_name, title, status, task_count, parsed, jurisdiction_id) VALUES ($1, $2, 'text-search.txt', '文本检索测试', 'published', 4, '{"tasks": []}', $3)`,
      [planId, `text-search-${run}`, city],
    );
    const rows: { title: string | null; unit: string; unitId: string | null }[] = [
      { title: 'PM2.5年均浓度下降（年度目标）', unit: '市生态环境局', unitId: null },
      { title: '完成率100%且a_b达标', unit: '市卫健委', unitId: healthUnit },
      { title: '推进重点任务年度', unit: '目标局', unitId: null },
      { title: null, unit: '测试区', unitId: districtUnit },
      { title: 'Smart City 智慧城市', unit: 'IT中心', unitId: null },
    ];
    for (const [index, row] of rows.entries()) {
      await client.query(
        `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_id, unit_name, responsibility, status, light,
                                  start_date, original_due_date, due_date, due_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'lead', 'in_progress', 'green', '2026-01-05', '2026-06-30', '2026-06-30', '2026-06-30T08:00:00Z', '{}')`,
        [randomUUID(), `${planId}/${index}`, `wf-text-${planId}-${index}`, planId, row.title === null ? 'target' : 'task', row.title === null ? null : index + 1, row.title, row.unitId, row.unit],
      );
      texts.push(row.title ?? '', row.unit);
    }
    texts.push('测试市卫生健康委员会', '市卫健委', '测试区人民政府', `卫健部门${run}`, `区政府${run}`, `健康办${run}`);
  });

  afterAll(async () => {
    await client.query('DELETE FROM assignments WHERE plan_id = $1', [planId]);
    await client.query('DELETE FROM plans WHERE id = $1', [planId]);
    await client.query('DELETE FROM unit_aliases WHERE unit_id = ANY($1::uuid[])', [[healthUnit, districtUnit]]);
    await client.query('DELETE FROM units WHERE id = ANY($1::uuid[])', [[healthUnit, districtUnit]]);
    await client.query('DELETE FROM jurisdictions WHERE id = ANY($1::uuid[])', [[district, city, otherCity]]);
    await client.end();
  });

  /** Every substring of one to five characters, an upper-cased variant, and the strings that join two fields. */
  function needles(): string[] {
    const found = new Set<string>(['务年度目标', '年度目标局', '100%', 'a_b', 'a%b', '1_0', 'pm2.5', 'smart city', '健康办', '\\']);
    for (const text of texts) {
      const chars = [...text];
      for (let start = 0; start < chars.length; start += 1) {
        for (let length = 1; length <= 5 && start + length <= chars.length; length += 1) found.add(chars.slice(start, start + length).join(''));
      }
      found.add(text.toUpperCase());
    }
    return [...found].filter((needle) => needle.trim() !== '');
  }

  async function ids(where: string, needle: string): Promise<string[]> {
    const result = await client.query<{ key: string }>(`SELECT a.key FROM assignments a WHERE a.plan_id = $1 AND ${where} ORDER BY a.key`, [planId, pattern(needle)]);
    return result.rows.map((row) => row.key);
  }

  /** needle → keys matched, for every needle in one query (each predicate with the needle's pattern as n.pattern). */
  async function matchesByNeedle(where: string, terms: readonly string[]): Promise<Map<string, string[]>> {
    const result = await client.query<{ needle: string; keys: string[] }>(
      `SELECT n.needle, array_agg(a.key ORDER BY a.key) FILTER (WHERE ${where.replace(/\$2/g, 'n.pattern')}) AS keys
         FROM unnest($2::text[], $3::text[]) AS n(needle, pattern) CROSS JOIN assignments a
        WHERE a.plan_id = $1 GROUP BY n.needle`,
      [planId, terms, terms.map(pattern)],
    );
    return new Map(result.rows.map((row) => [row.needle, row.keys ?? []]));
  }

  it('agrees on every substring', async () => {
    const condition = assignmentTextCondition('%x%').sql.replace(/:text/g, '$2');
    const terms = needles();
    expect(terms.length).toBeGreaterThan(300);
    const expected = await matchesByNeedle(REFERENCE, terms);
    const actual = await matchesByNeedle(condition, terms);
    expect(actual.size).toBe(terms.length);
    for (const needle of terms) expect({ needle, keys: actual.get(needle) }).toEqual({ needle, keys: expected.get(needle) });
    // Not vacuous: most terms find something, and the cases that must not match do not.
    expect(terms.filter((needle) => expected.get(needle)!.length > 0).length).toBeGreaterThan(terms.length / 2);
    expect(await ids(condition, '务年度目标')).toEqual([]);
    expect(await ids(condition, `健康办${run}`)).toEqual([]);
    expect(await ids(condition, '卫健部门')).toEqual([`${planId}/1`]);
    expect(await ids(condition, '区政府')).toEqual([`${planId}/3`]);
    expect(await ids(condition, 'pm2.5')).toEqual([`${planId}/0`]);
  });

  it('finds the same through the trigram index (terms of three characters or more)', async () => {
    const condition = assignmentTextCondition('%x%').sql.replace(/:text/g, '$1');
    // Every third term of three or four characters: enough to meet each text, short enough for a loaded machine.
    const terms = needles().filter((needle) => [...needle].length >= 3 && [...needle].length <= 4).filter((_, index) => index % 3 === 0);
    const expected = await matchesByNeedle(REFERENCE, terms);
    await client.query('SET enable_seqscan = off');
    try {
      for (const needle of terms) {
        const result = await client.query<{ key: string }>(`SELECT a.key FROM assignments a WHERE ${condition} ORDER BY a.key`, [pattern(needle)]);
        const keys = result.rows.map((row) => row.key).filter((key) => key.startsWith(`${planId}/`));
        expect({ needle, keys }).toEqual({ needle, keys: expected.get(needle) });
      }
    } finally {
      await client.query('RESET enable_seqscan');
    }
  });

  it('uses the trigram index for a term of three characters or more', async () => {
    await client.query('SET enable_seqscan = off');
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT a.key FROM assignments a WHERE ${assignmentTextCondition('%x%').sql.replace(/:text/g, '$1')}`,
      [pattern('智慧城市')],
    );
    await client.query('RESET enable_seqscan');
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('idx_assignments_search_trgm');
  });
});
