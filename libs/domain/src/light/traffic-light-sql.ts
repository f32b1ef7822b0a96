import { shanghaiDateOfMsSql, workingDaysBetweenSql } from '@duban/calendar';
import { roundToTenthSql } from '../review/pace-sql';
import { sqlNumber, type StandingSqlAt, type StandingSqlColumns } from '../review/standing-sql-input';
import { DEFAULT_TRAFFIC_LIGHT_SETTINGS, type TrafficLightSettings } from './traffic-light';

const CADENCE_INTERVALS = { weekly: "interval '7 days'", monthly: "interval '1 month'", quarterly: "interval '3 months'" } as const;

/** What the light reads that other rules compute: pass them as already-computed columns (each is named twice or more). */
export interface TrafficLightSqlInputs {
  /** overdueAtSql(…) at the cut-off's instant. */
  readonly overdue: string;
  /** expectedPercentSql(…) with the light's paceBasis (resolvedLightSettings(…).paceBasis). */
  readonly expectedPercent: string;
}

/** The settings the light runs with (defaults filled in), checked: the SQL inlines them. */
export function resolvedLightSettings(settings: Partial<TrafficLightSettings> = {}): TrafficLightSettings {
  const config: TrafficLightSettings = { ...DEFAULT_TRAFFIC_LIGHT_SETTINGS, ...settings };
  if (CADENCE_INTERVALS[config.reportCadence] === undefined) throw new RangeError(`unknown report cadence: ${String(config.reportCadence)}`);
  if (config.paceBasis !== 'calendar' && config.paceBasis !== 'working') throw new RangeError(`unknown pace basis: ${String(config.paceBasis)}`);
  return config;
}

/**
 * computeTrafficLight(state, endOfShanghaiDay(asOf), settings).color in SQL (the colour only, not its reasons):
 * neutral for statuses no longer owed; red when overdue; green while a closure is verified; yellow when due within
 * N working days, an interim milestone was past at issue and nothing is reported, not accepted in time, a report
 * missed the cadence (PostgreSQL's month arithmetic clamps the day like addCalendarMonths) or behind pace.
 */
export function trafficLightSql(columns: StandingSqlColumns, at: StandingSqlAt, inputs: TrafficLightSqlInputs, settings: Partial<TrafficLightSettings> = {}): string {
  const config = resolvedLightSettings(settings);
  const interval = CADENCE_INTERVALS[config.reportCadence];
  const overdue = inputs.overdue;
  const dueSoon = `(${at.asOf} <= ${columns.dueDate} AND ${workingDaysBetweenSql(at.asOfSeq, columns.dueSeq)} <= ${sqlNumber(config.dueSoonWorkingDays)})`;
  const milestonePassed = `(${columns.lastReportIsNull} AND ${columns.pastMilestoneCount} > 0)`;
  const notAccepted = `(${columns.status} = 'pending_acceptance' AND ${workingDaysBetweenSql(columns.startSeq, at.asOfSeq)} > ${sqlNumber(config.acceptanceWorkingDays)})`;
  const anchor =
    `(CASE WHEN ${columns.hasLastReport} THEN ${shanghaiDateOfMsSql(columns.lastReportAtMs)}` +
    ` WHEN ${columns.acceptedAtMs} IS NOT NULL THEN ${shanghaiDateOfMsSql(columns.acceptedAtMs)} ELSE ${columns.startDate} END)`;
  const reportMissed = `(${at.asOf} > (${anchor} + ${interval})::date)`;
  const behindPace =
    `(${columns.reportedPercent} IS NOT NULL AND ` +
    `${roundToTenthSql(`${inputs.expectedPercent} - ${columns.reportedPercent}`)} > ${sqlNumber(config.paceTolerancePercent)})`;
  const reported = `(${columns.status} <> 'pending_acceptance' AND (${reportMissed} OR ${behindPace}))`;
  return (
    `(CASE WHEN ${columns.status} IN ('closed', 'withdrawn', 'reassigned', 'declined') THEN 'neutral'` +
    ` WHEN ${overdue} THEN 'red' WHEN ${columns.status} = 'closure_requested' THEN 'green'` +
    ` WHEN COALESCE(${dueSoon} OR ${milestonePassed} OR ${notAccepted} OR ${reported}, false) THEN 'yellow' ELSE 'green' END)`
  );
}
