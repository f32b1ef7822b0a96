import { api, type Page } from '../api-client';

/** A unit as GET /units lists it today (issue 8 turns units into directory rows with ids; both shapes are read). */
export interface UnitItem {
  readonly id: string | null;
  readonly name: string;
  readonly kind?: string | null;
  readonly kindLabel?: string;
  readonly aliases?: readonly string[];
  readonly assignments?: number;
}

export interface RegionItem {
  readonly name: string;
  readonly city?: string | null;
  readonly assignments?: number;
}

export const directoryApi = {
  units: (query: { text?: string; limit?: number; offset?: number } = {}) => api.get<Page<UnitItem>>('/units', { limit: 500, ...query }),
  regions: () => api.get<Page<RegionItem>>('/regions', { limit: 500 }),
};
