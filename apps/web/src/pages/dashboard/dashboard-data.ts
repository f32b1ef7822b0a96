import { OPEN_STATUSES } from '@duban/domain';
import { assignmentsApi, type AssignmentSummary } from '../../api/resources/assignments.api';
import { daysBetween, shanghaiToday } from '../../shared/format-date';

/** Open assignments read for the charts at most (beyond that, the dashboard needs the statistics endpoint). */
export const DASHBOARD_SAMPLE_LIMIT = 5000;
const PAGE = 500;

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
}

export interface UnitRow extends LightCounts {
  readonly unit: string;
  overdue: number;
  /** Sum of days overdue across the unit's overdue assignments (ranks the most lagging). */
  overdueDays: number;
  talks: number;
}

export interface DashboardData {
  readonly totals: LightCounts & { neutral: number; open: number };
  readonly byUnit: UnitRow[];
  readonly byRegion: (LightCounts & { region: string })[];
  readonly ladder: Record<string, number>;
  /** Overdue open assignments by the month they fell due (YYYY-MM). */
  readonly overdueByMonth: { month: string; count: number }[];
  /** Whether more open assignments exist than were read. */
  readonly truncated: boolean;
}

/** Aggregates open assignments into the dashboard's figures (pure, tested). */
export function aggregate(items: readonly AssignmentSummary[], totals: DashboardData['totals'], today: string, truncated: boolean): DashboardData {
  const units = new Map<string, UnitRow>();
  const regions = new Map<string, LightCounts & { region: string }>();
  const ladder: Record<string, number> = {};
  const months = new Map<string, number>();
  for (const item of items) {
    const color = item.light === 'red' || item.light === 'yellow' || item.light === 'green' ? item.light : null;
    const unit = units.get(item.unitName) ?? { unit: item.unitName, red: 0, yellow: 0, green: 0, overdue: 0, overdueDays: 0, talks: 0 };
    if (color) unit[color] += 1;
    unit.talks += item.talkCount;
    // Overdue as the light says it (the domain's predicate, computed by the workflow), with its day count.
    const overdue = item.lightReasons.find((reason) => reason.code === 'overdue');
    if (overdue) {
      unit.overdue += 1;
      unit.overdueDays += typeof overdue.overdueCalendarDays === 'number' ? overdue.overdueCalendarDays : Math.max(0, daysBetween(item.dueDate, today));
      const month = item.dueDate.slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    units.set(item.unitName, unit);
    if (item.region && color) {
      const region = regions.get(item.region) ?? { region: item.region, red: 0, yellow: 0, green: 0 };
      region[color] += 1;
      regions.set(item.region, region);
    }
    if (item.escalationLevel) ladder[item.escalationLevel] = (ladder[item.escalationLevel] ?? 0) + 1;
  }
  return {
    totals,
    byUnit: [...units.values()].sort((a, b) => b.red - a.red || b.overdueDays - a.overdueDays || b.yellow - a.yellow || a.unit.localeCompare(b.unit, 'zh')),
    byRegion: [...regions.values()].sort((a, b) => a.region.localeCompare(b.region, 'zh')),
    ladder,
    overdueByMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
    truncated,
  };
}

/**
 * The dashboard's data hook. Today it reads the list API (light totals by count,
 * open assignments page by page) and aggregates in the browser; the statistics
 * endpoint of the review-cycle work replaces this one function.
 */
export async function loadDashboardData(planId: string | undefined, signal: AbortSignal): Promise<DashboardData> {
  const count = (query: Parameters<typeof assignmentsApi.list>[0]) => assignmentsApi.list({ ...query, planId, limit: 1 }, signal).then((page) => page.total);
  const [red, yellow, green, neutral, pending, inProgress, closure] = await Promise.all([
    count({ light: 'red' }),
    count({ light: 'yellow' }),
    count({ light: 'green' }),
    count({ light: 'neutral' }),
    count({ status: 'pending_acceptance' }),
    count({ status: 'in_progress' }),
    count({ status: 'closure_requested' }),
  ]);
  const items: AssignmentSummary[] = [];
  let truncated = false;
  for (const status of OPEN_STATUSES) {
    let offset = 0;
    for (;;) {
      if (items.length >= DASHBOARD_SAMPLE_LIMIT) {
        truncated = true;
        break;
      }
      const page = await assignmentsApi.list({ planId, status, sort: 'dueDate', limit: PAGE, offset }, signal);
      items.push(...page.items);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
  }
  return aggregate(items, { red, yellow, green, neutral, open: pending + inProgress + closure }, shanghaiToday(), truncated);
}
