import { api, type Page } from '../api-client';

/** Unit kinds of the organisation directory (labels come from the API as kindLabel). */
export const UNIT_KINDS = ['department', 'district_government', 'collective', 'management_committee', 'party_body', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A directory unit (GET /units, organisation directory). */
export interface DirectoryUnit {
  readonly id: string;
  /** Full name, e.g. 南京市卫生健康委员会. */
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: UnitKind;
  readonly kindLabel?: string;
  readonly jurisdictionId: string | null;
  readonly jurisdictionName?: string | null;
  readonly aliases: readonly string[];
  readonly parentId?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  readonly successorId?: string | null;
}

export interface Jurisdiction {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly level: 'province' | 'city' | 'district' | 'county';
  readonly parentId: string | null;
}

export interface NewUnit {
  readonly name: string;
  readonly shortName?: string;
  readonly kind: UnitKind;
  readonly jurisdictionId?: string;
}

/** How one printed name in a plan resolves (GET /plans/:id/unit-resolutions). */
export interface PrintedNameResolution {
  readonly printedName: string;
  readonly status: 'resolved' | 'suggested' | 'unknown' | 'collective';
  readonly statusLabel?: string;
  readonly unitId?: string;
  readonly unitName?: string;
  readonly expandsTo?: readonly { unitId: string; unitName: string }[];
  readonly suggestions: readonly { unitId: string; unitName: string; score: number; reason: string }[];
  readonly taskNumbers: readonly number[];
}

export type UnitMapping = { readonly printedName: string; readonly unitId: string } | { readonly printedName: string; readonly newUnit: NewUnit };

export const unitsApi = {
  get: (id: string) => api.get<DirectoryUnit>(`/units/${encodeURIComponent(id)}`),
  list: (query: { jurisdictionId?: string; text?: string; kind?: string; limit?: number; offset?: number } = {}) => api.get<Page<DirectoryUnit>>('/units', { limit: 200, ...query }),
  create: (unit: NewUnit) => api.post<DirectoryUnit>('/units', unit),
  update: (id: string, change: Partial<NewUnit>) => api.patch<DirectoryUnit>(`/units/${encodeURIComponent(id)}`, change),
  addAlias: (id: string, alias: string) => api.post<DirectoryUnit>(`/units/${encodeURIComponent(id)}/aliases`, { alias }),
  removeAlias: (id: string, alias: string) => api.delete<DirectoryUnit>(`/units/${encodeURIComponent(id)}/aliases/${encodeURIComponent(alias)}`),
  jurisdictions: () => api.get<Page<Jurisdiction>>('/jurisdictions', { limit: 500 }),
  resolutions: (planId: string) => api.get<Page<PrintedNameResolution>>(`/plans/${encodeURIComponent(planId)}/unit-resolutions`),
  map: (planId: string, mapping: UnitMapping) => api.post<PrintedNameResolution>(`/plans/${encodeURIComponent(planId)}/unit-mappings`, mapping),
};
