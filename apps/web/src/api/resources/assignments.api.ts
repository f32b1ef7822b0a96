import type { AssignmentCommandType } from '@duban/domain';
import { api, type Page, type Query } from '../api-client';

/** A light reason as the read model stores it (the domain's LightReason: a code and a Chinese text). */
export interface LightReasonView {
  readonly code: string;
  readonly text: string;
  readonly [key: string]: unknown;
}

/** One row of GET /assignments. Labels (`statusLabel`…) arrive with the organisation-directory change; the console falls back to the domain's maps. */
export interface AssignmentSummary {
  readonly id: string;
  readonly planId: string;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly unitId?: string;
  readonly unitName: string;
  readonly responsibility: string;
  readonly responsibilityLabel?: string;
  readonly region: string | null;
  readonly status: string;
  readonly statusLabel?: string;
  readonly light: string;
  readonly lightLabel?: string;
  readonly lightReasons: readonly LightReasonView[];
  readonly dueDate: string;
  readonly percent: number | null;
  readonly escalationLevel: string | null;
  readonly escalationLevelLabel?: string;
  readonly talkCount: number;
  readonly proposed: boolean;
  readonly updatedAt: string;
}

export interface EventActorView {
  readonly id?: string | null;
  readonly role: string;
  readonly roleLabel?: string;
  readonly displayName?: string;
  readonly unitIds?: readonly string[];
}

export interface AssignmentEventView {
  readonly seq: number;
  readonly type: string;
  readonly typeLabel?: string;
  readonly actor: EventActorView;
  readonly payload: Record<string, unknown>;
  readonly occurredAt: string;
}

export interface ProgressReportView {
  readonly seq: number;
  readonly percent: number | null;
  readonly actualValue: number | null;
  readonly text: string;
  readonly evidenceLinks: readonly string[];
  /** 佐证材料 as recorded: uploaded files ({ kind: 'file', fileId, fileName, size… }) and links. */
  readonly evidence?: readonly unknown[];
  readonly reportedAt: string;
}

export interface EscalationView {
  readonly seq: number;
  readonly level: string;
  readonly levelLabel?: string;
  readonly source: string;
  readonly sourceLabel?: string;
  readonly reason: string | null;
  readonly occurredAt: string;
}

export interface TargetView {
  readonly region?: string | null;
  readonly year?: number | null;
  readonly metric?: string | null;
  readonly value?: number | string | null;
  /** The target value (evidence API); `value` before it. */
  readonly target?: number | string | null;
  /** The latest reported actual for this metric and year. */
  readonly actual?: number | null;
  readonly unit?: string | null;
  readonly [key: string]: unknown;
}

/** A stored 佐证材料 file (POST /assignments/:id/evidence). */
export interface UploadedEvidence {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256?: string;
  readonly createdAt?: string;
}

export interface AssignmentDetail extends AssignmentSummary {
  readonly key: string;
  readonly kind: string;
  readonly expandedFrom: string | null;
  readonly startDate: string;
  readonly originalDueDate: string;
  readonly targets: readonly TargetView[];
  readonly recurring: readonly Record<string, unknown>[];
  readonly milestones: readonly { due: string; text: string; source?: string | null }[];
  readonly events: readonly AssignmentEventView[];
  readonly progressReports: readonly ProgressReportView[];
  readonly escalations: readonly EscalationView[];
}

export const ASSIGNMENT_SORTS = ['dueDate', '-dueDate', 'unitName', 'taskNumber', '-updatedAt', 'light'] as const;
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

/** The ledger's server-side filters (GET /assignments), combined with AND. */
export interface AssignmentFilter {
  readonly planId?: string;
  readonly taskNumber?: number;
  readonly unit?: string;
  readonly region?: string;
  readonly status?: string;
  readonly light?: string;
  readonly overdue?: boolean;
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly text?: string;
}

export interface AssignmentListQuery extends AssignmentFilter {
  readonly sort?: AssignmentSort;
  readonly limit?: number;
  readonly offset?: number;
  /** The previous page's nextCursor: the API then pages by keyset and ignores offset. */
  readonly cursor?: string;
}

/** Each command's route under /assignments/:id/actions/ and the body it takes. */
export const ACTION_ROUTES: Readonly<Record<Exclude<AssignmentCommandType, 'escalate'>, string>> = {
  accept: 'accept',
  reportProgress: 'report',
  requestClosure: 'request-closure',
  approveClosure: 'approve-closure',
  rejectClosure: 'reject-closure',
  requestExtension: 'request-extension',
  decideExtension: 'decide-extension',
  decline: 'decline',
  reassign: 'reassign',
  withdraw: 'withdraw',
  urge: 'urge',
  triggerTalk: 'talk',
};

export type HumanAction = keyof typeof ACTION_ROUTES;

const UNIT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's query string: a unit picked from the directory is its id (unitId); a typed or legacy one is a name (unit). */
export function listParams(query: AssignmentListQuery): Query {
  const { unit, ...rest } = query;
  if (unit === undefined) return { ...rest };
  return UNIT_ID.test(unit) ? { ...rest, unitId: unit } : { ...rest, unit };
}

export const assignmentsApi = {
  list: (query: AssignmentListQuery, signal?: AbortSignal) => api.get<Page<AssignmentSummary>>('/assignments', listParams(query), signal),
  get: (id: string, signal?: AbortSignal) => api.get<AssignmentDetail>(`/assignments/${encodeURIComponent(id)}`, undefined, signal),
  uploadEvidence: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<UploadedEvidence>(`/assignments/${encodeURIComponent(id)}/evidence`, form);
  },
  act: (id: string, action: HumanAction, body: Record<string, unknown>, idempotencyKey: string) =>
    api.post<unknown>(`/assignments/${encodeURIComponent(id)}/actions/${ACTION_ROUTES[action]}`, body, idempotencyKey),
};
