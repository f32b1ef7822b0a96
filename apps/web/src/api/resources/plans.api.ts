import { api, type Page } from '../api-client';

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly documentName: string;
  readonly docNumber: string | null;
  readonly issuer: string | null;
  readonly period: { from: number; to: number } | null;
  readonly status: string;
  readonly statusLabel?: string;
  readonly taskCount: number;
  readonly warningCount: number;
  readonly createdAt: string;
}

export interface PlanTask {
  readonly number: number;
  readonly label: string | null;
  readonly section: string | null;
  readonly title: string;
  readonly responsibleRaw: string | null;
  readonly lead: readonly string[];
  readonly units: readonly string[];
  readonly supporting: readonly string[];
  readonly deadlines: readonly { due: string; text: string }[];
  readonly text?: string | null;
}

export interface RolloutWarningView {
  readonly code?: string;
  readonly message?: string;
  readonly text?: string;
  readonly taskNumber?: number | null;
  readonly [key: string]: unknown;
}

/** How one printed unit name resolved against the organisation directory (issue 8's preview). */
export interface UnitResolution {
  readonly printed: string;
  readonly status: 'resolved' | 'suggested' | 'unknown';
  readonly unitId?: string;
  readonly unitName?: string;
  readonly suggestions: readonly { unitId: string; unitName: string; score: number; reason: string }[];
  readonly taskNumbers: readonly number[];
}

export interface PublishGate {
  readonly ok: boolean;
  readonly problems: readonly { code: string; message: string; taskNumber?: number; printed?: string }[];
}

export interface PlanPreview {
  readonly assignments: number;
  readonly proposed: readonly { taskNumber: number | null; unitName: string; responsibility: string; source?: string }[];
  readonly withoutDueDate: readonly number[];
  readonly warnings: readonly RolloutWarningView[];
  /** Present once the organisation directory resolves units at import. */
  readonly jurisdiction?: { id: string; name: string } | null;
  readonly unitResolutions?: readonly UnitResolution[];
  /** The publish gate's problems, in Chinese (empty: publishable). */
  readonly problems?: PublishGate['problems'];
  readonly gate?: PublishGate;
}

export interface ImportedPlan {
  readonly planId: string;
  readonly created?: boolean;
  readonly plan: PlanSummary;
  readonly [key: string]: unknown;
}

export interface TaskEdit {
  readonly units?: readonly string[];
  readonly lead?: readonly string[];
  readonly deadlines?: readonly { due: string; text: string }[];
}

export const plansApi = {
  list: (query: { status?: string; text?: string; limit?: number; offset?: number } = {}) => api.get<Page<PlanSummary>>('/plans', query),
  get: (id: string) => api.get<PlanSummary>(`/plans/${encodeURIComponent(id)}`),
  tasks: (id: string) => api.get<PlanTask[]>(`/plans/${encodeURIComponent(id)}/tasks`),
  task: (id: string, number: number) => api.get<PlanTask>(`/plans/${encodeURIComponent(id)}/tasks/${number}`),
  preview: (id: string, defaultDueDate?: string) => api.get<PlanPreview>(`/plans/${encodeURIComponent(id)}/preview`, { defaultDueDate }),
  editTask: (id: string, number: number, edit: TaskEdit, idempotencyKey: string) => api.patch<PlanTask>(`/plans/${encodeURIComponent(id)}/tasks/${number}`, edit, idempotencyKey),
  publish: (id: string, body: { confirmProposals?: boolean; defaultDueDate?: string }, idempotencyKey: string) =>
    api.post<{ workflowId: string; preview: PlanPreview }>(`/plans/${encodeURIComponent(id)}/publish`, body, idempotencyKey),
  withdraw: (id: string, reason: string, idempotencyKey: string) => api.post<unknown>(`/plans/${encodeURIComponent(id)}/withdraw`, { reason }, idempotencyKey),
  import: (file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportedPlan>('/plans', form, idempotencyKey);
  },
};
