import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ASSIGNMENT_STATUSES, createAssignmentState, isOverdue, overdueSql, type AssignmentState } from '@duban/domain';
import { readTestRun } from '../support/test-run';

/** A small seeded generator, so a failure names a reproducible state. */
function random(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value * 1664525 + 1013904223) >>> 0;
    return value / 2 ** 32;
  };
}

const NOW = Date.parse('2026-07-01T04:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const STATES = 1200;

/** States around the instant NOW: deadlines before, at and after it; closure requests before, at and after the deadline. */
function generate(count: number): AssignmentState[] {
  const next = random(20261201);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const base = createAssignmentState({ key: `overdue-check/${index}`, unitId: '市卫健委', startDate: '2026-01-05', dueDate: '2026-06-30' });
    const dueAt = pick([NOW - 30 * 24 * HOUR, NOW - HOUR, NOW - 1, NOW, NOW + 1, NOW + HOUR, NOW + 30 * 24 * HOUR, NOW + Math.round((next() - 0.5) * 60 * 24 * HOUR)]);
    const requestAt = pick([null, dueAt - 24 * HOUR, dueAt - 1, dueAt, dueAt + 1, dueAt + 5 * 24 * HOUR]);
    return {
      ...base,
      status: pick(ASSIGNMENT_STATUSES),
      dueAt,
      closureRequest: requestAt === null ? null : { at: requestAt, date: '2026-06-30', summary: '已完成', evidenceLinks: [] },
    };
  });
}

describe('the overdue predicate: SQL (read model) and domain agree', () => {
  const client = new Client({ connectionString: readTestRun().databaseUrl });
  const planId = randomUUID();
  const states = generate(STATES);

  beforeAll(async () => {
    await client.connect();
    const columns = '(id, key, workflow_id, plan_id, kind, unit_name, responsibility, status, light, start_date, original_due_date, due_date, due_at, state)';
    for (let offset = 0; offset < states.length; offset += 200) {
      const chunk = states.slice(offset, offset + 200);
      const values: unknown[] = [];
      const rows = chunk.map((state, index) => {
        values.push(randomUUID(), `${planId}/${state.key}`, `wf-${planId}-${offset + index}`, planId, state.status, new Date(state.dueAt), JSON.stringify(state));
        const p = index * 7;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, 'task', '市卫健委', 'lead', $${p + 5}, 'green', '2026-01-05', '2026-06-30', '2026-06-30', $${p + 6}, $${p + 7})`;
      });
      await client.query(`INSERT INTO assignments ${columns} VALUES ${rows.join(', ')}`, values);
    }
  });

  afterAll(async () => {
    await client.query('DELETE FROM assignments WHERE plan_id = $1', [planId]);
    await client.end();
  });

  it(`answers exactly like isOverdue for ${STATES} generated states written to PostgreSQL`, async () => {
    const result = await client.query<{ key: string; overdue: boolean; complement: boolean }>(
      `SELECT a.key, ${overdueSql('a', '$2::timestamptz')} AS overdue, NOT ${overdueSql('a', '$2::timestamptz')} AS complement FROM assignments a WHERE a.plan_id = $1`,
      [planId, new Date(NOW)],
    );
    expect(result.rows).toHaveLength(STATES);
    const bySql = new Map(result.rows.map((row) => [row.key, row]));
    const disagreements = states.filter((state) => bySql.get(`${planId}/${state.key}`)!.overdue !== isOverdue(state, NOW));
    expect(disagreements.map((state) => ({ status: state.status, dueAt: state.dueAt, requestedAt: state.closureRequest?.at ?? null }))).toEqual([]);
    // NOT (…) is the exact complement (the list's overdue=false filter): the predicate is never NULL.
    expect(result.rows.every((row) => row.complement === !row.overdue)).toBe(true);
    // The sample reaches both answers and every status.
    expect(new Set(states.map((state) => isOverdue(state, NOW)))).toEqual(new Set([true, false]));
    expect(new Set(states.map((state) => state.status))).toEqual(new Set(ASSIGNMENT_STATUSES));
  });

  it('includes the case the old list filter got wrong: a closure requested after the deadline is still overdue', async () => {
    const late = states.filter((state) => state.status === 'closure_requested' && state.closureRequest !== null && state.closureRequest.at >= state.dueAt);
    expect(late.length).toBeGreaterThan(10);
    const old = await client.query<{ count: string }>(
      `SELECT count(*) FROM assignments a WHERE a.plan_id = $1 AND a.due_at <= $2::timestamptz AND a.status IN ('pending_acceptance', 'in_progress')`,
      [planId, new Date(NOW)],
    );
    const current = await client.query<{ count: string }>(`SELECT count(*) FROM assignments a WHERE a.plan_id = $1 AND ${overdueSql('a', '$2::timestamptz')}`, [planId, new Date(NOW)]);
    const expected = states.filter((state) => isOverdue(state, NOW)).length;
    expect(Number(current.rows[0]!.count)).toBe(expected);
    expect(Number(old.rows[0]!.count)).toBe(expected - late.length);
  });
});
