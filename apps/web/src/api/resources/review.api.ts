import { api, requestFile, type Page } from '../api-client';

/** One share of a bulletin summary (by pace, light, unit or region). */
export interface SummaryShare {
  readonly count: number;
  readonly share?: number;
  readonly pace?: string;
  readonly paceLabel?: string;
  readonly light?: string;
  readonly lightLabel?: string;
  readonly unitId?: string;
  readonly unitName?: string;
  readonly region?: string;
  readonly [key: string]: unknown;
}

/** 通报 (GET /bulletins/:id; the list may carry fewer fields). */
export interface Bulletin {
  readonly id: string;
  readonly planId: string;
  readonly planTitle?: string;
  readonly asOf: string;
  readonly kind?: 'half_year' | 'on_demand';
  readonly kindLabel?: string;
  readonly status: 'drafting' | 'draft' | 'published';
  readonly statusLabel?: string;
  readonly title: string;
  readonly text?: string;
  readonly summary?: {
    readonly total: number;
    readonly byPace?: readonly SummaryShare[];
    readonly byLight?: readonly SummaryShare[];
    readonly byUnit?: readonly SummaryShare[];
    readonly byRegion?: readonly SummaryShare[];
  };
  readonly laggingItems?: readonly { assignmentId?: string; taskNumber?: number; taskTitle?: string; unitName?: string; reason?: string; [key: string]: unknown }[];
  readonly candidates?: readonly { unitId?: string; unitName?: string; reason?: string; [key: string]: unknown }[];
  readonly publishedAt?: string | null;
}

export interface AssessmentLine {
  readonly unitId: string;
  readonly unitName: string;
  readonly group?: string;
  readonly groupLabel?: string;
  readonly score: number;
  readonly grade?: string;
  readonly gradeLabel?: string;
  readonly rank?: number;
  readonly items: readonly { reason: string; points: number; eventRef?: string | null }[];
}

export interface Sanction {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: string;
  readonly kindLabel?: string;
  readonly rule?: string;
  readonly status: 'proposed' | 'confirmed' | 'waived';
  readonly statusLabel?: string;
  readonly reason?: string | null;
  readonly decidedAt?: string | null;
}

/** 年度考核 (GET /assessments/:id). */
export interface Assessment {
  readonly id: string;
  readonly planId: string;
  readonly planTitle?: string;
  readonly year: number;
  readonly asOf?: string;
  readonly status: 'drafting' | 'draft' | 'confirmed' | string;
  readonly statusLabel?: string;
  readonly publishRankings?: boolean;
  readonly lines?: readonly AssessmentLine[];
  readonly sanctions?: readonly Sanction[];
}

/** A step of a 约谈's course (the API lists the ones the reader may take now in `actions`). */
export type TalkAction = 'schedule' | 'hold' | 'reportRectification' | 'verify' | 'escalate';

/** 约谈 record (GET /talks/:id). */
export interface TalkRecord {
  readonly id: string;
  readonly planId: string;
  readonly assignmentId: string | null;
  readonly unitId: string | null;
  readonly unitName: string;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly source: string;
  readonly sourceLabel: string;
  /** proposed, scheduled, held, rectification_reported, verified, escalated, cancelled. */
  readonly status: string;
  readonly statusLabel: string;
  readonly reason: string;
  /** principal (单位主要负责人) or deputy (分管负责人). */
  readonly talkTarget: string | null;
  readonly talkTargetLabel: string | null;
  readonly scheduledAt: string | null;
  readonly place: string | null;
  readonly attendees: string | null;
  readonly minutes: string | null;
  readonly demands: string | null;
  readonly rectifyBy: string | null;
  readonly heldAt: string | null;
  readonly rectification: string | null;
  readonly verifiedAt: string | null;
  readonly escalatedReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Sent back with a step: a record someone changed meanwhile is refused (409 talk_version_stale). */
  readonly version: number;
  readonly actions: readonly { readonly action: TalkAction; readonly label: string }[];
}

const id = (value: string) => encodeURIComponent(value);

export const bulletinsApi = {
  list: (query: { planId?: string } = {}) => api.get<Page<Bulletin>>('/bulletins', { limit: 100, ...query }),
  get: (bulletinId: string) => api.get<Bulletin>(`/bulletins/${id(bulletinId)}`),
  create: (body: { planId: string; asOf: string; kind: 'half_year' | 'on_demand' }) => api.post<{ id: string }>('/bulletins', body),
  update: (bulletinId: string, change: { title?: string; text?: string }) => api.patch<Bulletin>(`/bulletins/${id(bulletinId)}`, change),
  publish: (bulletinId: string) => api.post<Bulletin>(`/bulletins/${id(bulletinId)}/publish`),
  exportFile: (bulletinId: string, format: 'xlsx' | 'docx') => requestFile(`/bulletins/${id(bulletinId)}/export.${format}`),
};

export const assessmentsApi = {
  list: (query: { planId?: string } = {}) => api.get<Page<Assessment>>('/assessments', { limit: 100, ...query }),
  get: (assessmentId: string) => api.get<Assessment>(`/assessments/${id(assessmentId)}`),
  create: (body: { planId: string; year: number }) => api.post<{ id: string }>('/assessments', body),
  confirmSanction: (assessmentId: string, sanctionId: string, reason?: string) =>
    api.post<Sanction>(`/assessments/${id(assessmentId)}/sanctions/${id(sanctionId)}/confirm`, reason ? { reason } : {}),
  waiveSanction: (assessmentId: string, sanctionId: string, reason: string) => api.post<Sanction>(`/assessments/${id(assessmentId)}/sanctions/${id(sanctionId)}/waive`, { reason }),
  /** Confirms the assessment once every sanction is decided (frozen from then on). */
  confirm: (assessmentId: string) => api.post<Assessment>(`/assessments/${id(assessmentId)}/confirm`),
  exportFile: (assessmentId: string) => requestFile(`/assessments/${id(assessmentId)}/export.xlsx`),
};

export const talksApi = {
  list: (query: { planId?: string; unitId?: string; assignmentId?: string; status?: string } = {}) => api.get<Page<TalkRecord>>('/talks', { limit: 100, ...query }),
  get: (talkId: string) => api.get<TalkRecord>(`/talks/${id(talkId)}`),
  trigger: (body: { assignmentId: string; reason: string; overrideReason?: string }) => api.post<TalkRecord>('/talks', body),
  schedule: (talkId: string, body: { at: string; place: string; attendees: string; talkTarget: 'principal' | 'deputy'; version?: number }) =>
    api.post<TalkRecord>(`/talks/${id(talkId)}/schedule`, body),
  hold: (talkId: string, body: { minutes: string; demands: string; rectifyBy: string; heldAt?: string; version?: number }) => api.post<TalkRecord>(`/talks/${id(talkId)}/hold`, body),
  rectification: (talkId: string, body: { text: string; version?: number }) => api.post<TalkRecord>(`/talks/${id(talkId)}/rectification`, body),
  verify: (talkId: string, body: { version?: number } = {}) => api.post<TalkRecord>(`/talks/${id(talkId)}/verify`, body),
  escalate: (talkId: string, body: { reason: string; version?: number }) => api.post<TalkRecord>(`/talks/${id(talkId)}/escalate`, body),
};
