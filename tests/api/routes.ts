import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createObjectStorage } from '@duban/storage';
import type { ApiWorld, Persona } from './api-world';
import { OTHER_UNIT, OWN_UNIT } from './api-world';
import { ensureSyntheticUnits } from '../support/synthetic-plan';

/** 'ok': the request reached the handler (2xx, or a 400/409/422 about the request itself). */
export type Outcome = 'ok' | 401 | 403 | 404;

export interface RouteCase {
  /** "METHOD /openapi/{path}" as in the OpenAPI document. */
  readonly route: string;
  /** The request one persona sends. */
  request(context: RouteContext, persona: Persona): Promise<{ path: string; body?: unknown; multipart?: boolean }>;
  readonly expect: Readonly<Record<Persona, Outcome>>;
}

export interface RouteContext {
  readonly world: ApiWorld;
  /** An assignment of the persona's "own" unit for staff_own_unit, of another unit for staff_other_unit; a fresh one per call for other roles. */
  assignmentFor(persona: Persona): Promise<string>;
  /** An inbox message addressed to the persona (their unit or role mailbox); another unit's for staff_other_unit. */
  messageFor(persona: Persona): Promise<string>;
  userId(username: string): Promise<string>;
}

const everyone = (outcome: Outcome): Record<Persona, Outcome> => ({ anonymous: 401, staff_other_unit: outcome, staff_own_unit: outcome, supervisor: outcome, coordinator: outcome, admin: outcome });
const publicRoute: Record<Persona, Outcome> = { anonymous: 'ok', staff_other_unit: 'ok', staff_own_unit: 'ok', supervisor: 'ok', coordinator: 'ok', admin: 'ok' };
const adminOnly: Record<Persona, Outcome> = { anonymous: 401, staff_other_unit: 403, staff_own_unit: 403, supervisor: 403, coordinator: 403, admin: 'ok' };
const draftReviewers: Record<Persona, Outcome> = { anonymous: 401, staff_other_unit: 403, staff_own_unit: 403, supervisor: 403, coordinator: 'ok', admin: 'ok' };
/** Unit staff on their own unit's assignment; another unit's is 404 for them (existence not revealed). */
const unitStaffAction: Record<Persona, Outcome> = { anonymous: 401, staff_other_unit: 404, staff_own_unit: 'ok', supervisor: 403, coordinator: 403, admin: 403 };
const coordinatorAction: Record<Persona, Outcome> = { anonymous: 401, staff_other_unit: 404, staff_own_unit: 403, supervisor: 403, coordinator: 'ok', admin: 'ok' };
const supervisorAction: Record<Persona, Outcome> = { anonymous: 401, staff_other_unit: 404, staff_own_unit: 403, supervisor: 'ok', coordinator: 403, admin: 403 };
const scopedRead: Record<Persona, Outcome> = { anonymous: 401, staff_other_unit: 404, staff_own_unit: 'ok', supervisor: 'ok', coordinator: 'ok', admin: 'ok' };

const reviewReaders = (outcome: Outcome): Record<Persona, Outcome> => ({ anonymous: 401, staff_other_unit: 403, staff_own_unit: 403, supervisor: outcome, coordinator: outcome, admin: outcome });
const reviewEditors = (outcome: Outcome): Record<Persona, Outcome> => ({ anonymous: 401, staff_other_unit: 403, staff_own_unit: 403, supervisor: 403, coordinator: outcome, admin: outcome });
const NO_BULLETIN = '00000000-0000-4000-8000-000000000000';
const NO_UNIT = '00000000-0000-4000-8000-000000000001';

const path = (value: string) => async () => ({ path: value });
const plan = (build: (world: ApiWorld) => string, body?: unknown) => async (context: RouteContext) => ({ path: build(context.world), ...(body !== undefined ? { body } : {}) });
/** An evidence file of the persona's assignment, stored as the API stores one (its configured storage, its table). */
const evidenceFile = async (context: RouteContext, persona: Persona) => {
  const assignmentId = await context.assignmentFor(persona);
  const id = randomUUID();
  const key = `evidence/${assignmentId}/${id}`;
  const bytes = Buffer.from('%PDF-1.4\n% matrix\n%%EOF\n');
  // Loaded lazily, as the harness does: the configuration is read after the harness points it at this run.
  const { loadConfig } = await import('@duban/config');
  await createObjectStorage(loadConfig()).put(key, Readable.from([bytes]), { contentType: 'application/pdf', size: bytes.length });
  await context.world.db.query(
    'INSERT INTO evidence_files (id, assignment_id, file_name, content_type, size, sha256, storage_key, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, assignmentId, '矩阵测试.pdf', 'application/pdf', bytes.length, createHash('sha256').update(bytes).digest('hex'), key, JSON.stringify({ role: 'unit_staff' })],
  );
  return { path: `/api/v1/evidence/${id}` };
};
/**
 * A held 约谈 on the persona's assignment (their own unit's for staff_own_unit, another unit's for staff_other_unit).
 * Roles share one assignment, which holds one open 约谈 at a time: an earlier persona's is ended first.
 */
const heldTalk = (step: string, body: unknown) => async (context: RouteContext, persona: Persona) => {
  const assignmentId = await context.assignmentFor(persona);
  await context.world.db.query("UPDATE talks SET status = 'cancelled' WHERE assignment_id = $1 AND status NOT IN ('verified', 'escalated', 'cancelled')", [assignmentId]);
  const [{ id }] = (await context.world.db.query(
    `INSERT INTO talks (plan_id, assignment_id, unit_id, unit_name, source, status, reason, held_at, minutes, demands, rectify_by)
     SELECT plan_id, id, unit_id, unit_name, 'manual', 'held', '矩阵测试', now(), '矩阵测试', '矩阵测试', current_date + 30 FROM assignments WHERE id = $1 RETURNING id`,
    [assignmentId],
  )) as { id: string }[];
  return { path: `/api/v1/talks/${id}/${step}`, body };
};
const action = (name: string, body: unknown) => async (context: RouteContext, persona: Persona) => ({ path: `/api/v1/assignments/${await context.assignmentFor(persona)}/actions/${name}`, body });

/**
 * Every route of the API with who may call it. The matrix test runs each route
 * for each persona, and fails when the API has a route this list lacks.
 */
export const ROUTES: readonly RouteCase[] = [
  { route: 'GET /health', request: path('/health'), expect: publicRoute },
  // Prometheus scrape: no user token; open to loopback clients (the tests) unless METRICS_TOKEN is set.
  { route: 'GET /metrics', request: path('/metrics'), expect: publicRoute },
  // Sign-in routes are public; an invalid body (400) shows the request was let through without signing anyone in or out.
  { route: 'POST /api/v1/auth/login', request: async () => ({ path: '/api/v1/auth/login', body: { username: '' } }), expect: publicRoute },
  { route: 'POST /api/v1/auth/refresh', request: async () => ({ path: '/api/v1/auth/refresh', body: {} }), expect: publicRoute },
  { route: 'POST /api/v1/auth/logout', request: async () => ({ path: '/api/v1/auth/logout', body: {} }), expect: publicRoute },
  { route: 'GET /api/v1/auth/me', request: path('/api/v1/auth/me'), expect: everyone('ok') },
  { route: 'POST /api/v1/auth/password', request: async () => ({ path: '/api/v1/auth/password', body: { currentPassword: 'x' } }), expect: everyone('ok') },
  { route: 'GET /api/v1/users', request: path('/api/v1/users'), expect: adminOnly },
  { route: 'POST /api/v1/users', request: async () => ({ path: '/api/v1/users', body: { username: '' } }), expect: adminOnly },
  { route: 'GET /api/v1/users/{id}', request: async (context) => ({ path: `/api/v1/users/${await context.userId('admin')}` }), expect: adminOnly },
  { route: 'PATCH /api/v1/users/{id}', request: async (context) => ({ path: `/api/v1/users/${await context.userId('supervisor')}`, body: { role: 'emperor' } }), expect: adminOnly },
  { route: 'GET /api/v1/audit-log', request: path('/api/v1/audit-log?limit=1'), expect: adminOnly },

  { route: 'GET /api/v1/plans', request: path('/api/v1/plans'), expect: everyone('ok') },
  { route: 'POST /api/v1/plans', request: async () => ({ path: '/api/v1/plans', multipart: true }), expect: adminOnly },
  { route: 'GET /api/v1/plans/{planId}', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}`), expect: everyone('ok') },
  { route: 'GET /api/v1/plans/{planId}/document', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/document`), expect: everyone('ok') },
  { route: 'GET /api/v1/plans/{planId}/preview', request: plan((w) => `/api/v1/plans/${w.draftPlanId}/preview`), expect: draftReviewers },
  { route: 'GET /api/v1/plans/{planId}/tasks', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/tasks`), expect: everyone('ok') },
  { route: 'GET /api/v1/plans/{planId}/tasks/{number}', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/tasks/1`), expect: everyone('ok') },
  { route: 'PATCH /api/v1/plans/{planId}/tasks/{number}', request: plan((w) => `/api/v1/plans/${w.draftPlanId}/tasks/1`, { deadlines: [{ due: '2028-06-30', text: '2028年6月底前完成' }] }), expect: draftReviewers },
  // The matrix publishes the draft (admin), then withdraws it: 409 would also count as reaching the handler.
  { route: 'POST /api/v1/plans/{planId}/publish', request: plan((w) => `/api/v1/plans/${w.draftPlanId}/publish`, {}), expect: adminOnly },
  { route: 'POST /api/v1/plans/{planId}/withdraw', request: plan((w) => `/api/v1/plans/${w.draftPlanId}/withdraw`, { reason: '矩阵测试' }), expect: adminOnly },

  { route: 'GET /api/v1/assignments', request: path('/api/v1/assignments?limit=5'), expect: everyone('ok') },
  { route: 'GET /api/v1/assignments/{assignmentId}', request: async (context, persona) => ({ path: `/api/v1/assignments/${await context.assignmentFor(persona)}` }), expect: scopedRead },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/accept', request: action('accept', {}), expect: unitStaffAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/report', request: action('report', { percent: 10, text: '矩阵测试' }), expect: unitStaffAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/request-closure', request: action('request-closure', { summary: '矩阵测试' }), expect: unitStaffAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/request-extension', request: action('request-extension', { newDueDate: '2029-06-30', reason: '矩阵测试' }), expect: unitStaffAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/decline', request: action('decline', { reason: '矩阵测试' }), expect: unitStaffAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/approve-closure', request: action('approve-closure', {}), expect: coordinatorAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/reject-closure', request: action('reject-closure', { reason: '矩阵测试' }), expect: coordinatorAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/decide-extension', request: action('decide-extension', { approve: false, reason: '矩阵测试' }), expect: coordinatorAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/reassign', request: action('reassign', { toUnit: '市第9局', reason: '矩阵测试' }), expect: coordinatorAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/withdraw', request: action('withdraw', { reason: '矩阵测试' }), expect: coordinatorAction },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/talk', request: action('talk', { reason: '矩阵测试', overrideReason: '矩阵测试：未逾期也约谈' }), expect: coordinatorAction },
  // The matrix uploads a plan's .txt: the holder unit's staff reach the handler (415, not an evidence type).
  { route: 'POST /api/v1/assignments/{assignmentId}/evidence', request: async (context, persona) => ({ path: `/api/v1/assignments/${await context.assignmentFor(persona)}/evidence`, multipart: true }), expect: unitStaffAction },
  { route: 'GET /api/v1/evidence/{fileId}', request: evidenceFile, expect: scopedRead },
  { route: 'POST /api/v1/assignments/{assignmentId}/actions/urge', request: action('urge', { level: 'urge', note: '矩阵测试' }), expect: supervisorAction },

  { route: 'GET /api/v1/inbox', request: path('/api/v1/inbox'), expect: everyone('ok') },
  { route: 'POST /api/v1/inbox/{messageId}/read', request: async (context, persona) => ({ path: `/api/v1/inbox/${await context.messageFor(persona)}/read` }), expect: scopedRead },
  { route: 'GET /api/v1/escalations', request: path('/api/v1/escalations'), expect: everyone('ok') },
  { route: 'GET /api/v1/units', request: path('/api/v1/units'), expect: everyone('ok') },
  // The organisation directory: everyone reads; coordinators and administrators keep it (requests here change nothing).
  { route: 'GET /api/v1/jurisdictions', request: path('/api/v1/jurisdictions'), expect: everyone('ok') },
  { route: 'GET /api/v1/units/{unitId}', request: path(`/api/v1/units/${NO_UNIT}`), expect: everyone(404) },
  { route: 'POST /api/v1/units', request: async () => ({ path: '/api/v1/units', body: {} }), expect: draftReviewers },
  { route: 'PATCH /api/v1/units/{unitId}', request: async () => ({ path: `/api/v1/units/${NO_UNIT}`, body: { name: '' } }), expect: draftReviewers },
  { route: 'POST /api/v1/units/{unitId}/aliases', request: async () => ({ path: `/api/v1/units/${NO_UNIT}/aliases`, body: { alias: '' } }), expect: draftReviewers },
  { route: 'DELETE /api/v1/units/{unitId}/aliases/{alias}', request: path(`/api/v1/units/${NO_UNIT}/aliases/${encodeURIComponent('矩阵别名')}`), expect: { ...draftReviewers, coordinator: 404, admin: 404 } },
  // A plan's jurisdiction and unit mapping: coordinators and administrators (the published plan is past its draft).
  { route: 'PATCH /api/v1/plans/{planId}', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}`, { jurisdictionId: 'not-a-uuid' }), expect: draftReviewers },
  // How a plan's printed names resolve: readable like the plan's tasks.
  { route: 'GET /api/v1/plans/{planId}/unit-resolutions', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/unit-resolutions`), expect: everyone('ok') },
  { route: 'POST /api/v1/plans/{planId}/unit-mappings', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/unit-mappings`, {}), expect: draftReviewers },
  { route: 'GET /api/v1/regions', request: path('/api/v1/regions'), expect: everyone('ok') },
  { route: 'GET /api/v1/units/{unit}/channels', request: path(`/api/v1/units/${encodeURIComponent(OWN_UNIT)}/channels`), expect: adminOnly },
  {
    route: 'PUT /api/v1/units/{unit}/channels',
    // A unit of the directory (channels are kept by unit id; a name no unit goes by is 404).
    request: async ({ world }) => {
      await ensureSyntheticUnits(world.db, ['市矩阵测试局']);
      return { path: `/api/v1/units/${encodeURIComponent('市矩阵测试局')}/channels`, body: { channels: [{ kind: 'webhook', target: { url: 'https://hooks.example/duban' } }] } };
    },
    expect: adminOnly,
  },
  { route: 'GET /api/v1/calendar/workdays/{date}', request: path('/api/v1/calendar/workdays/2026-10-01'), expect: everyone('ok') },
  { route: 'GET /api/v1/calendar/add-working-days', request: path('/api/v1/calendar/add-working-days?date=2026-09-30&days=1'), expect: everyone('ok') },
  // The stream is checked separately (it never ends); here only whether it opens.
  { route: 'GET /api/v1/events/stream', request: path('/api/v1/events/stream'), expect: everyone('ok') },
  { route: 'POST /api/v1/events/tickets', request: path('/api/v1/events/tickets'), expect: everyone('ok') },

  // Review: supervisors and coordinators read; coordinators run, edit, publish (a bulletin that does not exist is 404 to readers).
  { route: 'GET /api/v1/plans/{planId}/review-periods', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/review-periods`), expect: reviewReaders('ok') },
  { route: 'PUT /api/v1/plans/{planId}/review-periods', request: plan((w) => `/api/v1/plans/${w.publishedPlanId}/review-periods`, { periods: [{ kind: 'weekly', month: 13, day: 1 }] }), expect: reviewEditors('ok') },
  { route: 'POST /api/v1/bulletins', request: async () => ({ path: '/api/v1/bulletins', body: { planId: 'not-a-plan', asOf: '2026-06-30' } }), expect: reviewEditors('ok') },
  // Paged as the console asks (limit=100): a list that refused limit showed 加载失败 on the 通报 and 年度考核 pages.
  { route: 'GET /api/v1/bulletins', request: path('/api/v1/bulletins?limit=100&offset=0'), expect: reviewReaders('ok') },
  { route: 'GET /api/v1/bulletins/{id}', request: path(`/api/v1/bulletins/${NO_BULLETIN}`), expect: reviewReaders(404) },
  { route: 'PATCH /api/v1/bulletins/{id}', request: async () => ({ path: `/api/v1/bulletins/${NO_BULLETIN}`, body: { title: '' } }), expect: reviewEditors('ok') },
  { route: 'POST /api/v1/bulletins/{id}/publish', request: path(`/api/v1/bulletins/${NO_BULLETIN}/publish`), expect: reviewEditors(404) },
  { route: 'GET /api/v1/bulletins/{id}/export.xlsx', request: path(`/api/v1/bulletins/${NO_BULLETIN}/export.xlsx`), expect: reviewReaders(404) },
  { route: 'GET /api/v1/bulletins/{id}/export.docx', request: path(`/api/v1/bulletins/${NO_BULLETIN}/export.docx`), expect: reviewReaders(404) },
  // 约谈 records: supervisors and coordinators read every talk, a unit's staff their own units' (a missing one is 404);
  // coordinators open and run the course; a unit's staff report their own unit's rectification.
  { route: 'GET /api/v1/talks', request: path('/api/v1/talks?limit=5'), expect: everyone('ok') },
  { route: 'GET /api/v1/talks/{id}', request: path(`/api/v1/talks/${NO_BULLETIN}`), expect: everyone(404) },
  { route: 'POST /api/v1/talks', request: async () => ({ path: '/api/v1/talks', body: { assignmentId: 'not-an-assignment', reason: '矩阵测试' } }), expect: reviewEditors('ok') },
  { route: 'POST /api/v1/talks/{id}/schedule', request: async () => ({ path: `/api/v1/talks/${NO_BULLETIN}/schedule`, body: { at: '2026-07-03T09:30:00+08:00', place: '会议室', attendees: '矩阵测试', talkTarget: 'principal' } }), expect: reviewEditors(404) },
  { route: 'POST /api/v1/talks/{id}/hold', request: async () => ({ path: `/api/v1/talks/${NO_BULLETIN}/hold`, body: { minutes: '矩阵测试', demands: '矩阵测试', rectifyBy: '2026-07-31' } }), expect: reviewEditors(404) },
  {
    route: 'POST /api/v1/talks/{id}/rectification',
    request: heldTalk('rectification', { text: '矩阵测试：已整改' }),
    expect: { anonymous: 401, staff_other_unit: 404, staff_own_unit: 'ok', supervisor: 403, coordinator: 'ok', admin: 'ok' },
  },
  { route: 'POST /api/v1/talks/{id}/verify', request: path(`/api/v1/talks/${NO_BULLETIN}/verify`), expect: reviewEditors(404) },
  { route: 'POST /api/v1/talks/{id}/escalate', request: async () => ({ path: `/api/v1/talks/${NO_BULLETIN}/escalate`, body: { reason: '矩阵测试' } }), expect: reviewEditors(404) },
  // 年度考核: the same readers and editors (an assessment that does not exist is 404 to them).
  { route: 'POST /api/v1/assessments', request: async () => ({ path: '/api/v1/assessments', body: { planId: 'not-a-plan', year: 2026 } }), expect: reviewEditors('ok') },
  { route: 'GET /api/v1/assessments', request: path('/api/v1/assessments?limit=100&offset=0'), expect: reviewReaders('ok') },
  { route: 'GET /api/v1/assessments/{id}', request: path(`/api/v1/assessments/${NO_BULLETIN}`), expect: reviewReaders(404) },
  { route: 'POST /api/v1/assessments/{id}/sanctions/{sanctionId}/confirm', request: path(`/api/v1/assessments/${NO_BULLETIN}/sanctions/${NO_BULLETIN}/confirm`), expect: reviewEditors(404) },
  { route: 'POST /api/v1/assessments/{id}/sanctions/{sanctionId}/waive', request: async () => ({ path: `/api/v1/assessments/${NO_BULLETIN}/sanctions/${NO_BULLETIN}/waive`, body: { reason: '已整改到位' } }), expect: reviewEditors(404) },
  { route: 'POST /api/v1/assessments/{id}/confirm', request: path(`/api/v1/assessments/${NO_BULLETIN}/confirm`), expect: reviewEditors(404) },
  { route: 'GET /api/v1/assessments/{id}/export.xlsx', request: path(`/api/v1/assessments/${NO_BULLETIN}/export.xlsx`), expect: reviewReaders(404) },
  { route: 'GET /api/v1/statistics/overview', request: plan((w) => `/api/v1/statistics/overview?planId=${w.publishedPlanId}`), expect: reviewReaders('ok') },
  { route: 'GET /api/v1/statistics/overdue-trend', request: path('/api/v1/statistics/overdue-trend'), expect: reviewReaders('ok') },
  { route: 'POST /api/v1/exports', request: async () => ({ path: '/api/v1/exports', body: { kind: 'ledger', planId: NO_BULLETIN } }), expect: everyone('ok') },
  { route: 'GET /api/v1/exports/{id}', request: path(`/api/v1/exports/${NO_BULLETIN}`), expect: everyone(404) },
  { route: 'GET /api/v1/exports/{id}/download', request: path(`/api/v1/exports/${NO_BULLETIN}/download`), expect: everyone(404) },
  // The 台账: everyone signed in; a unit's staff get their own units' rows.
  { route: 'GET /api/v1/assignments/export.xlsx', request: path(`/api/v1/assignments/export.xlsx?planId=${NO_BULLETIN}`), expect: everyone('ok') },
];

export { OTHER_UNIT, OWN_UNIT };
