import { api } from '../api-client';

export interface ShareCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly share: number;
}

export interface GroupCounts {
  readonly total: number;
  readonly byPace: Readonly<Record<string, number>>;
  readonly byLight: Readonly<Record<string, number>>;
  readonly overdue: number;
  readonly lagging: number;
}

/** GET /statistics/overview: counts at a date by light, 序时进度 class and status, per unit and region. */
export interface StatisticsOverview {
  readonly asOf: string;
  readonly planId: string | null;
  readonly plans: number;
  readonly total: number;
  readonly open: number;
  readonly overdue: number;
  readonly lagging: number;
  readonly byEscalationLevel: readonly { key: string; label: string; count: number }[];
  readonly byLight: readonly ShareCount[];
  readonly byPace: readonly ShareCount[];
  readonly byStatus: readonly ShareCount[];
  readonly byUnit: readonly (GroupCounts & { unitId: string; unitName: string })[];
  readonly byRegion: readonly (GroupCounts & { region: string })[];
  readonly mostLaggingUnits: readonly { unitId: string; unitName: string; total: number; lagging: number; overdue: number; red: number; laggingShare: number }[];
}

export interface TrendPoint {
  readonly day: string;
  readonly total: number | null;
  readonly overdue: number | null;
  readonly lagging: number | null;
  readonly red: number | null;
  readonly overdueShare: number | null;
}

export const statisticsApi = {
  overview: (query: { planId?: string; asOf?: string; limit?: number }, signal?: AbortSignal) => api.get<StatisticsOverview>('/statistics/overview', query, signal),
  trend: (query: { planId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<{ from: string; to: string; points: TrendPoint[] }>('/statistics/overdue-trend', query, signal),
};
