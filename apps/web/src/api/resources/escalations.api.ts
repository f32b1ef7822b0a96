import { api, type Page } from '../api-client';

export interface EscalationItem {
  readonly id: string;
  readonly assignmentId: string;
  readonly planId: string;
  readonly unitId?: string;
  readonly unitName: string;
  readonly seq: number;
  readonly level: string;
  readonly levelLabel?: string;
  readonly source: string;
  readonly reason: string | null;
  readonly occurredAt: string;
}

export const escalationsApi = {
  list: (query: { planId?: string; unit?: string; level?: string; from?: string; to?: string; limit?: number; offset?: number } = {}) =>
    api.get<Page<EscalationItem>>('/escalations', query),
};
