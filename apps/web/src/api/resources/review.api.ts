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

/** 约谈 record (GET /talks/:id). */
export interface TalkRecord {
  readonly id: string;
  readonly planId?: string;
  readonly assignmentId?: string;
  readonly unitId?: string;
  readonly unitName: string;
  readonly taskTitle?: string;
  readonly status: string;
  readonly statusLabel?: string;
  readonly reason: string;
  readonly scheduledAt?: string | null;
  readonly place?: string | null;
  readonly attendees?: readonly string[] | string | null;
  readonly minutes?: string | null;
  readonly demands?: string | null;
  readonly rectifyBy?: string | null;
  readonly rectification?: string | null;
  readonly createdAt?: string;
  readonly [key: string]: unknown;
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
  list: (query: { planId?: string; unitId?: string; status?: string } = {}) => api.get<Page<TalkRecord>>('/talks', { limit: 100, ...query }),
  get: (talkId: string) => api.get<TalkRecord>(`/talks/${id(talkId)}`),
  trigger: (body: { assignmentId: string; reason: string }) => api.post<TalkRecord>('/talks', body),
  schedule: (talkId: string, body: { at: string; place: string; attendees: string }) => api.post<TalkRecord>(`/talks/${id(talkId)}/schedule`, body),
  hold: (talkId: string, body: { minutes: string; demands: string; rectifyBy: string }) => api.post<TalkRecord>(`/talks/${id(talkId)}/hold`, body),
  rectification: (talkId: string, body: { text: string }) => api.post<TalkRecord>(`/talks/${id(talkId)}/rectification`, body),
  verify: (talkId: string) => api.post<TalkRecord>(`/talks/${id(talkId)}/verify`),
  escalate: (talkId: string, body: { reason: string }) => api.post<TalkRecord>(`/talks/${id(talkId)}/escalate`, body),
};
