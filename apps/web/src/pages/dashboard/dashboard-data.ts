import { statisticsApi, type StatisticsOverview, type TrendPoint } from '../../api/resources/statistics.api';

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
}

export interface UnitRow extends LightCounts {
  readonly unitId: string;
  readonly unit: string;
  readonly overdue: number;
  readonly lagging: number;
}

export interface DashboardData {
  readonly asOf: string;
  readonly totals: LightCounts & { neutral: number; open: number; overdue: number; lagging: number };
  /** Units by red lights, then overdue, then yellow (the chart shows the first ones). */
  readonly byUnit: UnitRow[];
  readonly byRegion: (LightCounts & { region: string })[];
  readonly pace: { key: string; label: string; count: number }[];
  readonly ladder: { key: string; label: string; count: number }[];
  readonly trend: TrendPoint[];
  readonly mostLagging: StatisticsOverview['mostLaggingUnits'];
}

const count = (shares: StatisticsOverview['byLight'], key: string) => shares.find((entry) => entry.key === key)?.count ?? 0;

/** Shapes the statistics endpoints' answers for the charts (pure, tested); every count is the server's. */
export function toDashboard(overview: StatisticsOverview, trend: readonly TrendPoint[]): DashboardData {
  const lights = (byLight: Readonly<Record<string, number>>): LightCounts => ({ red: byLight.red ?? 0, yellow: byLight.yellow ?? 0, green: byLight.green ?? 0 });
  return {
    asOf: overview.asOf,
    totals: {
      red: count(overview.byLight, 'red'),
      yellow: count(overview.byLight, 'yellow'),
      green: count(overview.byLight, 'green'),
      neutral: count(overview.byLight, 'neutral'),
      open: overview.open,
      overdue: overview.overdue,
      lagging: overview.lagging,
    },
    byUnit: overview.byUnit
      .map((unit) => ({ unitId: unit.unitId, unit: unit.unitName, ...lights(unit.byLight), overdue: unit.overdue, lagging: unit.lagging }))
      .sort((a, b) => b.red - a.red || b.overdue - a.overdue || b.yellow - a.yellow || a.unit.localeCompare(b.unit, 'zh')),
    byRegion: overview.byRegion.map((region) => ({ region: region.region, ...lights(region.byLight) })),
    pace: overview.byPace.map(({ key, label, count: value }) => ({ key, label, count: value })),
    ladder: overview.byEscalationLevel.filter((level) => level.count > 0),
    trend: [...trend],
    mostLagging: overview.mostLaggingUnits,
  };
}

/** The dashboard's data: the statistics overview today and the last 30 days of the overdue trend. */
export async function loadDashboardData(planId: string | undefined, signal: AbortSignal): Promise<DashboardData> {
  const [overview, trend] = await Promise.all([statisticsApi.overview({ planId }, signal), statisticsApi.trend({ planId }, signal)]);
  return toDashboard(overview, trend.points);
}
