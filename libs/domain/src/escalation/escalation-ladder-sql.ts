import { ESCALATION_LEVELS, escalationRank } from './escalation-levels';
import { DEFAULT_ESCALATION_LADDER, type EscalationLadder } from './escalation-ladder';
import { sqlNumber, type StandingSqlAt, type StandingSqlColumns } from '../review/standing-sql-input';

const BULLETIN_RANK = escalationRank('bulletin');

/** Whether working-day steps fire within their day (notifyAt before 24:00), so "fired by asOf" means "dated ≤ asOf". */
function withinDay(notifyAt: string | undefined): boolean {
  if (notifyAt === undefined) return true;
  const match = /^(\d{2}):(\d{2})/.exec(notifyAt);
  return match !== null && Number(match[1]) < 24;
}

/**
 * reachedBulletinLevel(state, endOfShanghaiDay(asOf), ladder) in SQL: a level at or above 通报 in reachedLevels,
 * or a ladder step at or above it scheduled at or before the instant. A working-day step fires on the
 * (n+1)-th working day on or after the Shanghai date of dueAt (at notifyAt, never before dueAt): that date is on
 * or before asOf exactly when its working-day number, seq(dueAt's date − 1) + 1 + n, is at most seq(asOf).
 * Returns null when the ladder fires a step outside the day (notifyAt '24:00'): such plans are judged in TypeScript.
 */
export function reachedBulletinLevelSql(columns: StandingSqlColumns, at: StandingSqlAt, ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER): string | null {
  if (!withinDay(ladder.notifyAt)) return null;
  const levels = ESCALATION_LEVELS.filter((level) => escalationRank(level) >= BULLETIN_RANK).map((level) => `'${level}'`);
  const reached = `COALESCE(${columns.reachedLevels} ?| array[${levels.join(', ')}], false)`;
  const scheduled = ladder.steps
    .filter((step) => escalationRank(step.level) >= BULLETIN_RANK)
    .map((step) =>
      step.afterMs !== undefined
        ? `(${columns.dueAtMs} + ${sqlNumber(step.afterMs)} <= ${at.instantMs})`
        : `(${columns.ladderBaseSeq} + 1 + ${sqlNumber(step.afterWorkingDays ?? 0)} <= ${at.asOfSeq} AND ${columns.dueAtMs} <= ${at.instantMs})`,
    );
  return `(${[reached, ...scheduled.map((condition) => `COALESCE(${condition}, false)`)].join(' OR ')})`;
}
