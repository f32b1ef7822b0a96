import type { EntityManager } from 'typeorm';
import { WORKING_CALENDAR_TABLE, workingCalendarDays, workingCalendarFingerprint } from '@duban/calendar';

/** Any constant: the lock serialises two processes seeding the same database at once. */
const SEED_LOCK = 1796164100;

/**
 * Makes working_calendar_days hold the calendar this build of libs/calendar computes (the seeding step: run after
 * migrations and before a set-based snapshot). A no-op (one read) when the fingerprint matches; otherwise the
 * table is rewritten in the caller's transaction, so readers see the old or the new calendar, never half of one.
 * Returns whether it wrote.
 */
export async function ensureWorkingCalendar(manager: EntityManager): Promise<boolean> {
  const wanted = workingCalendarFingerprint();
  const current = async () =>
    ((await manager.query('SELECT fingerprint FROM working_calendar_source WHERE id = 1')) as { fingerprint: string }[])[0]?.fingerprint;
  if ((await current()) === wanted) return false;
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
  if ((await current()) === wanted) return false;
  const days = workingCalendarDays();
  await manager.query(`DELETE FROM ${WORKING_CALENDAR_TABLE}`);
  // One statement: the columns travel as four arrays.
  await manager.query(
    `INSERT INTO ${WORKING_CALENDAR_TABLE} (day, workday, official, workday_seq)
     SELECT * FROM unnest($1::date[], $2::boolean[], $3::boolean[], $4::int[])`,
    [days.map((day) => day.day), days.map((day) => day.workday), days.map((day) => day.official), days.map((day) => day.workdaySeq)],
  );
  await manager.query(
    `INSERT INTO working_calendar_source (id, fingerprint, seeded_at) VALUES (1, $1, now())
     ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, seeded_at = EXCLUDED.seeded_at`,
    [wanted],
  );
  await manager.query(`ANALYZE ${WORKING_CALENDAR_TABLE}`);
  return true;
}
