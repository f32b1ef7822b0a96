import { call, startApiWorld, OTHER_UNIT, OWN_UNIT, type ApiWorld, type Persona } from './api-world';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import { ROUTES } from './routes';

const MISSING = '00000000-0000-4000-8000-000000000000';
/** Tables whose rows a refused request must leave exactly as they were. */
const TABLES = ['talks', 'channel_subscriptions', 'plans', 'assignments', 'assignment_events', 'assignment_milestones', 'progress_reports', 'escalations', 'inbox_messages', 'outbox_messages', 'users', 'refresh_tokens', 'login_lockouts'];

interface Ids {
  own: string;
  other: string;
  published: string;
  draft: string;
  message: string;
  supervisorId: string;
  /** Withdrawn before the checks (by the coordinator): one across units, one of the unit user's own. */
  withdrawn: string;
  withdrawnOwn: string;
  withdrawnPlan: string;
  /** A 约谈 whose course has ended (verified): every further step is refused. */
  verifiedTalk: string;
}

interface BadCase {
  readonly name: string;
  readonly path?: (ids: Ids) => string;
  readonly body?: unknown;
  readonly raw?: string;
  readonly status: number;
  /** Field names the 400's details.fields must mention. */
  readonly fields?: readonly string[];
  /** Text the message must contain. */
  readonly message?: RegExp;
}

interface MutatingRoute {
  readonly route: string;
  readonly persona: Persona;
  readonly path: (ids: Ids) => string;
  readonly cases: readonly BadCase[];
  /** JSON routes also get malformed JSON, an oversized body and an unknown field. */
  readonly json?: boolean;
}

const action = (name: string) => (ids: Ids) => `/api/v1/assignments/${ids.own}/actions/${name}`;
const unknownAssignment = (name: string): BadCase[] => [
  { name: 'unknown id', path: () => `/api/v1/assignments/${MISSING}/actions/${name}`, body: validBody(name), status: 404 },
  { name: 'id that is not a UUID', path: () => `/api/v1/assignments/nope/actions/${name}`, body: validBody(name), status: 404 },
];

function validBody(name: string): unknown {
  const bodies: Record<string, unknown> = {
    accept: {},
    report: { text: '进展' },
    'request-closure': { summary: '已完成' },
    'approve-closure': {},
    'reject-closure': { reason: '材料不全' },
    'request-extension': { newDueDate: '2029-06-30', reason: '资金未到位' },
    'decide-extension': { approve: true },
    decline: { reason: '非本单位职责' },
    reassign: { toUnit: '市第9局' },
    withdraw: { reason: '不再需要' },
    urge: {},
    talk: { reason: '逾期' },
    talks: { assignmentId: MISSING, reason: '逾期' },
    schedule: { at: '2026-07-03T09:30:00+08:00', place: '会议室', attendees: '督查室主任', talkTarget: 'principal' },
    hold: { minutes: '约谈记录', demands: '整改要求', rectifyBy: '2026-07-31' },
    rectification: { text: '已整改' },
    escalate: { reason: '整改不到位' },
  };
  return bodies[name];
}

const ROUTES_UNDER_TEST: readonly MutatingRoute[] = [
  {
    route: 'POST /api/v1/auth/login',
    persona: 'anonymous',
    json: true,
    path: () => '/api/v1/auth/login',
    cases: [
      { name: 'wrong types', body: { username: 42, password: ['x'] }, status: 400 },
      { name: 'missing fields', body: {}, status: 400 },
    ],
  },
  { route: 'POST /api/v1/auth/refresh', persona: 'anonymous', json: true, path: () => '/api/v1/auth/refresh', cases: [{ name: 'wrong types', body: { refreshToken: 7 }, status: 400 }, { name: 'missing fields', body: {}, status: 400 }] },
  { route: 'POST /api/v1/auth/logout', persona: 'anonymous', json: true, path: () => '/api/v1/auth/logout', cases: [{ name: 'wrong types', body: { refreshToken: true }, status: 400 }, { name: 'missing fields', body: {}, status: 400 }] },
  {
    route: 'POST /api/v1/auth/password',
    persona: 'supervisor',
    json: true,
    path: () => '/api/v1/auth/password',
    cases: [
      { name: 'wrong types', body: { currentPassword: 1, newPassword: 2 }, status: 400 },
      { name: 'missing fields', body: {}, status: 400 },
    ],
  },
  {
    route: 'POST /api/v1/users',
    persona: 'admin',
    json: true,
    path: () => '/api/v1/users',
    cases: [
      { name: 'wrong types', body: { username: 5, displayName: [], role: 'emperor', unitIds: 'x', password: 1 }, status: 400 },
      { name: 'missing fields', body: {}, status: 400 },
      { name: 'taken username', body: { username: 'admin', displayName: '重复', role: 'admin', unitIds: [], password: 'long-enough-password' }, status: 409 },
    ],
  },
  {
    route: 'PATCH /api/v1/users/{id}',
    persona: 'admin',
    json: true,
    path: (ids) => `/api/v1/users/${ids.supervisorId}`,
    cases: [
      { name: 'wrong types', body: { disabled: 'yes', unitIds: 3 }, status: 400 },
      { name: 'unknown id', path: () => `/api/v1/users/${MISSING}`, body: { displayName: '无此人' }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/plans',
    persona: 'admin',
    path: () => '/api/v1/plans',
    cases: [
      { name: 'no file (JSON body)', body: { file: 'plan.txt' }, status: 415, message: /multipart\/form-data/ },
      { name: 'malformed JSON', raw: '{"file": ', status: 400, message: /not valid JSON/ },
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/evidence',
    persona: 'staff_own_unit',
    path: (ids) => `/api/v1/assignments/${ids.own}/evidence`,
    cases: [
      { name: 'no file (JSON body)', body: { file: 'a.pdf' }, status: 415, message: /multipart\/form-data/ },
      { name: 'unknown assignment', path: () => `/api/v1/assignments/${MISSING}/evidence`, body: new FormData(), status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/assignments/nope/evidence', body: new FormData(), status: 404 },
    ],
  },
  {
    route: 'PATCH /api/v1/plans/{planId}/tasks/{number}',
    persona: 'coordinator',
    json: true,
    path: (ids) => `/api/v1/plans/${ids.draft}/tasks/1`,
    cases: [
      { name: 'wrong types', body: { units: '市第1局', lead: [1], deadlines: [{ due: 20271231 }] }, status: 400, fields: ['units', 'lead', 'deadlines.0.due', 'deadlines.0.text'] },
      { name: 'nothing to change', body: {}, status: 400, message: /nothing to change/ },
      { name: 'impossible date', body: { deadlines: [{ due: '2027-02-30', text: '2月底' }] }, status: 400, fields: ['deadlines.0.due'] },
      { name: 'lead not among the units', body: { units: ['市第1局'], lead: ['市第5局'] }, status: 422, message: /lead units must be among/ },
      { name: 'unknown task', path: (ids) => `/api/v1/plans/${ids.draft}/tasks/999`, body: { lead: [] }, status: 404 },
      { name: 'task number not a number', path: (ids) => `/api/v1/plans/${ids.draft}/tasks/abc`, body: { lead: [] }, status: 400 },
      { name: 'unknown plan', path: () => `/api/v1/plans/${MISSING}/tasks/1`, body: { lead: [] }, status: 404 },
      { name: 'published plan (not a draft)', path: (ids) => `/api/v1/plans/${ids.published}/tasks/1`, body: { lead: [] }, status: 409, message: /only a draft/ },
    ],
  },
  {
    route: 'POST /api/v1/plans/{planId}/publish',
    persona: 'admin',
    json: true,
    path: (ids) => `/api/v1/plans/${ids.draft}/publish`,
    cases: [
      { name: 'wrong types', body: { confirmProposals: 'yes', defaultDueDate: 2027 }, status: 400, fields: ['confirmProposals', 'defaultDueDate'] },
      { name: 'impossible default due date', body: { defaultDueDate: '2027-13-01' }, status: 400, fields: ['defaultDueDate'] },
      { name: 'withdrawn plan (illegal transition)', path: (ids) => `/api/v1/plans/${ids.withdrawnPlan}/publish`, body: {}, status: 409, message: /withdrawn/ },
      { name: 'unknown plan', path: () => `/api/v1/plans/${MISSING}/publish`, body: {}, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/plans/{planId}/withdraw',
    persona: 'admin',
    json: true,
    path: (ids) => `/api/v1/plans/${ids.draft}/withdraw`,
    cases: [
      { name: 'wrong types', body: { reason: 12 }, status: 400, fields: ['reason'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['reason'] },
      { name: 'unknown plan', path: () => `/api/v1/plans/${MISSING}/withdraw`, body: { reason: '无' }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/accept',
    persona: 'staff_own_unit',
    json: true,
    path: action('accept'),
    cases: [
      { name: 'a field where none is expected', body: { percent: 10 }, status: 400, fields: ['percent'] },
      { name: 'withdrawn assignment (illegal transition)', path: (ids) => `/api/v1/assignments/${ids.withdrawnOwn}/actions/accept`, body: {}, status: 409 },
      ...unknownAssignment('accept'), { name: "another unit's assignment", path: (ids) => `/api/v1/assignments/${ids.other}/actions/accept`, body: {}, status: 404 }],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/report',
    persona: 'staff_own_unit',
    json: true,
    path: action('report'),
    cases: [
      { name: 'wrong types', body: { percent: '30', text: 5, evidenceLinks: 'http://x' }, status: 400, fields: ['percent', 'text', 'evidenceLinks'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['text'] },
      { name: 'percent out of range', body: { percent: 130, text: '超出' }, status: 400, fields: ['percent'] },
      { name: 'before acceptance (illegal transition)', body: { percent: 10, text: '进展' }, status: 409 },
      { name: 'evidence and actuals of the wrong shape', body: { text: '进展', evidence: [{ kind: 'ftp', url: 1 }], actuals: [{ metric: 3, year: '2025', value: 'many' }] }, status: 400, fields: ['evidence.0.kind', 'actuals.0.metric', 'actuals.0.year', 'actuals.0.value'] },
      { name: 'an actual for a metric that is not a target', body: { text: '进展', actuals: [{ metric: '新增床位（张）', year: 2025, value: 10 }] }, status: 422, message: /不是本任务的分解目标/ },
      { name: 'a file never uploaded to the assignment', body: { text: '进展', evidence: [{ kind: 'file', fileId: MISSING }] }, status: 422, message: /未上传到本任务/ },
      { name: 'a script link as evidence', body: { text: '进展', evidence: [{ kind: 'url', url: 'javascript:alert(1)' }] }, status: 422, message: /http/ },
      ...unknownAssignment('report'),
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/request-closure',
    persona: 'staff_own_unit',
    json: true,
    path: action('request-closure'),
    cases: [
      { name: 'wrong types', body: { summary: {} }, status: 400, fields: ['summary'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['summary'] },
      { name: 'before acceptance (illegal transition)', body: { summary: '已完成' }, status: 409 },
      ...unknownAssignment('request-closure'),
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/request-extension',
    persona: 'staff_own_unit',
    json: true,
    path: action('request-extension'),
    cases: [
      { name: 'wrong types', body: { newDueDate: 20290630, reason: false }, status: 400, fields: ['newDueDate', 'reason'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['newDueDate', 'reason'] },
      { name: 'impossible date', body: { newDueDate: '2029-02-30', reason: '资金' }, status: 400, fields: ['newDueDate'] },
      { name: 'before acceptance (illegal transition)', body: { newDueDate: '2029-06-30', reason: '资金' }, status: 409 },
      ...unknownAssignment('request-extension'),
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/decline',
    persona: 'staff_own_unit',
    json: true,
    path: action('decline'),
    cases: [{ name: 'wrong types', body: { reason: [] }, status: 400, fields: ['reason'] }, { name: 'missing fields', body: {}, status: 400, fields: ['reason'] }, { name: 'empty reason', body: { reason: '' }, status: 400, fields: ['reason'] }, ...unknownAssignment('decline')],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/approve-closure',
    persona: 'coordinator',
    json: true,
    path: action('approve-closure'),
    cases: [{ name: 'wrong types', body: { note: 1 }, status: 400, fields: ['note'] }, { name: 'no closure requested (illegal transition)', body: {}, status: 409 }, ...unknownAssignment('approve-closure')],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/reject-closure',
    persona: 'coordinator',
    json: true,
    path: action('reject-closure'),
    cases: [
      { name: 'wrong types', body: { reason: 1 }, status: 400, fields: ['reason'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['reason'] },
      { name: 'no closure requested (illegal transition)', body: { reason: '材料不全' }, status: 409 },
      ...unknownAssignment('reject-closure'),
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/decide-extension',
    persona: 'coordinator',
    json: true,
    path: action('decide-extension'),
    cases: [
      { name: 'wrong types', body: { approve: 'true', newDueDate: 1 }, status: 400, fields: ['approve', 'newDueDate'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['approve'] },
      { name: 'no extension requested (illegal transition)', body: { approve: true }, status: 409 },
      ...unknownAssignment('decide-extension'),
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/reassign',
    persona: 'coordinator',
    json: true,
    path: action('reassign'),
    cases: [
      { name: 'wrong types', body: { toUnit: ['市第9局'] }, status: 400, fields: ['toUnit'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['toUnit'] },
      { name: 'the same unit', body: { toUnit: OWN_UNIT }, status: 422 },
      ...unknownAssignment('reassign'),
    ],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/withdraw',
    persona: 'coordinator',
    json: true,
    path: action('withdraw'),
    cases: [{ name: 'wrong types', body: { reason: null }, status: 400, fields: ['reason'] }, { name: 'missing fields', body: {}, status: 400, fields: ['reason'] }, ...unknownAssignment('withdraw')],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/talk',
    persona: 'coordinator',
    json: true,
    path: action('talk'),
    cases: [{ name: 'wrong types', body: { reason: 3 }, status: 400, fields: ['reason'] }, { name: 'missing fields', body: {}, status: 400, fields: ['reason'] }, ...unknownAssignment('talk')],
  },
  {
    route: 'POST /api/v1/assignments/{assignmentId}/actions/urge',
    persona: 'supervisor',
    json: true,
    path: action('urge'),
    cases: [
      { name: 'wrong types', body: { level: 'shout', note: 5 }, status: 400, fields: ['level', 'note'] },
      { name: 'withdrawn assignment (illegal transition)', path: (ids) => `/api/v1/assignments/${ids.withdrawn}/actions/urge`, body: { level: 'urge' }, status: 409 },
      ...unknownAssignment('urge'),
    ],
  },
  {
    route: 'PUT /api/v1/units/{unit}/channels',
    persona: 'admin',
    json: true,
    path: () => `/api/v1/units/${encodeURIComponent('市坏输入局')}/channels`,
    cases: [
      { name: 'missing fields', body: {}, status: 400, fields: ['channels'] },
      { name: 'wrong types', body: { channels: 'webhook' }, status: 400, fields: ['channels'] },
      { name: 'unknown channel kind', body: { channels: [{ kind: 'fax', target: { url: 'https://x.example' } }] }, status: 400, fields: ['channels.0.kind'] },
      { name: 'a robot URL that is not http(s)', body: { channels: [{ kind: 'dingtalk', target: { url: 'ftp://robot' } }] }, status: 400, message: /channels\.0\.target\.url/ },
      { name: 'an e-mail channel without an address', body: { channels: [{ kind: 'email', target: { to: 'not-an-address' } }] }, status: 400, message: /channels\.0\.target\.to/ },
      // Channels are kept by unit id: a name no directory unit goes by is refused (Chinese), nothing stored.
      { name: 'a unit not in the directory', body: { channels: [] }, status: 404, message: /不在组织目录中/ },
    ],
  },
  {
    route: 'POST /api/v1/events/tickets',
    persona: 'staff_own_unit',
    path: () => '/api/v1/events/tickets',
    cases: [
      { name: 'a body it does not take (XML)', raw: '<x/>', status: 400 },
      { name: 'malformed JSON', raw: '{"x', status: 400, message: /not valid JSON/ },
    ],
  },
  {
    route: 'POST /api/v1/units',
    persona: 'coordinator',
    json: true,
    path: () => '/api/v1/units',
    cases: [
      { name: 'wrong types', body: { jurisdictionId: 7, name: ['市甲局'], kind: 'ministry' }, status: 400, fields: ['jurisdictionId', 'name', 'kind'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['jurisdictionId'] },
      { name: 'unknown jurisdiction (a bad value, not a missing resource)', body: { jurisdictionId: MISSING, name: '南京市无此局', kind: 'department' }, status: 400, message: /所属辖区不存在/ },
    ],
  },
  {
    route: 'PATCH /api/v1/units/{unitId}',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/units/${MISSING}`,
    cases: [
      { name: 'wrong types', body: { name: 7, validFrom: 'soon' }, status: 400, fields: ['name', 'validFrom'] },
      { name: 'unknown unit', body: { shortName: '无此局' }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/units/{unitId}/aliases',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/units/${MISSING}/aliases`,
    cases: [
      { name: 'wrong types', body: { alias: 7 }, status: 400, fields: ['alias'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['alias'] },
      { name: 'unknown unit', body: { alias: '无此局' }, status: 404 },
    ],
  },
  {
    route: 'DELETE /api/v1/units/{unitId}/aliases/{alias}',
    persona: 'coordinator',
    path: () => `/api/v1/units/${MISSING}/aliases/${encodeURIComponent('无此别名')}`,
    cases: [
      { name: 'unknown unit', status: 404 },
      { name: 'id that is not a UUID', path: () => `/api/v1/units/nope/aliases/${encodeURIComponent('无此别名')}`, status: 404 },
    ],
  },
  {
    route: 'PATCH /api/v1/plans/{planId}',
    persona: 'coordinator',
    json: true,
    path: (ids) => `/api/v1/plans/${ids.draft}`,
    cases: [
      { name: 'wrong types', body: { jurisdictionId: 7 }, status: 400, fields: ['jurisdictionId'] },
      { name: 'unknown jurisdiction (a bad value, not a missing resource)', body: { jurisdictionId: MISSING }, status: 400, message: /所属辖区不存在/ },
      { name: 'unknown plan', path: () => `/api/v1/plans/${MISSING}`, body: { jurisdictionId: MISSING }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/plans/{planId}/unit-mappings',
    persona: 'coordinator',
    json: true,
    path: (ids) => `/api/v1/plans/${ids.draft}/unit-mappings`,
    cases: [
      { name: 'wrong types', body: { printedName: 7, unitId: 'x' }, status: 400, fields: ['printedName', 'unitId'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['printedName'] },
      { name: 'unknown plan', path: () => `/api/v1/plans/${MISSING}/unit-mappings`, body: { printedName: '市甲局', unitId: MISSING }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/bulletins',
    persona: 'coordinator',
    json: true,
    path: () => '/api/v1/bulletins',
    cases: [
      { name: 'wrong types', body: { planId: 7, asOf: 20260630 }, status: 400, fields: ['planId', 'asOf'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['planId', 'asOf'] },
      { name: 'impossible cut-off date', body: { planId: MISSING, asOf: '2026-02-30' }, status: 400, fields: ['asOf'] },
      { name: 'unknown plan', body: { planId: MISSING, asOf: '2026-06-30' }, status: 404 },
    ],
  },
  {
    route: 'PATCH /api/v1/bulletins/{id}',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/bulletins/${MISSING}`,
    cases: [
      { name: 'wrong types', body: { title: 7, text: ['x'] }, status: 400, fields: ['title', 'text'] },
      { name: 'unknown bulletin', body: { title: '上半年通报' }, status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/bulletins/nope', body: { title: '上半年通报' }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/bulletins/{id}/publish',
    persona: 'coordinator',
    path: () => `/api/v1/bulletins/${MISSING}/publish`,
    cases: [
      { name: 'unknown bulletin', status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/bulletins/nope/publish', status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/talks',
    persona: 'coordinator',
    json: true,
    path: () => '/api/v1/talks',
    cases: [
      { name: 'wrong types', body: { assignmentId: 7, reason: 3 }, status: 400, fields: ['assignmentId', 'reason'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['assignmentId', 'reason'] },
      { name: 'unknown assignment', body: { assignmentId: MISSING, reason: '逾期' }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/talks/{id}/schedule',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/talks/${MISSING}/schedule`,
    cases: [
      { name: 'wrong types', body: { at: 7, place: 1, attendees: [], talkTarget: 'boss' }, status: 400, fields: ['at', 'place', 'attendees', 'talkTarget'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['at', 'place', 'attendees', 'talkTarget'] },
      { name: 'unknown talk', body: validBody('schedule'), status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/talks/nope/schedule', body: validBody('schedule'), status: 404 },
      { name: 'a talk whose course has ended', path: (ids) => `/api/v1/talks/${ids.verifiedTalk}/schedule`, body: validBody('schedule'), status: 409, message: /整改已验收/ },
    ],
  },
  {
    route: 'POST /api/v1/talks/{id}/hold',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/talks/${MISSING}/hold`,
    cases: [
      { name: 'wrong types', body: { minutes: 1, demands: false, rectifyBy: 20260731 }, status: 400, fields: ['minutes', 'demands', 'rectifyBy'] },
      { name: 'impossible deadline', body: { minutes: '记录', demands: '要求', rectifyBy: '2026-02-30' }, status: 400, fields: ['rectifyBy'] },
      { name: 'unknown talk', body: validBody('hold'), status: 404 },
      { name: 'a talk whose course has ended', path: (ids) => `/api/v1/talks/${ids.verifiedTalk}/hold`, body: validBody('hold'), status: 409, message: /不能记录约谈/ },
    ],
  },
  {
    route: 'POST /api/v1/talks/{id}/rectification',
    persona: 'staff_own_unit',
    json: true,
    path: () => `/api/v1/talks/${MISSING}/rectification`,
    cases: [
      { name: 'wrong types', body: { text: 5, version: 'x' }, status: 400, fields: ['text', 'version'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['text'] },
      { name: 'unknown talk', body: validBody('rectification'), status: 404 },
      { name: 'a talk whose course has ended', path: (ids) => `/api/v1/talks/${ids.verifiedTalk}/rectification`, body: validBody('rectification'), status: 409, message: /不能报送整改/ },
    ],
  },
  {
    route: 'POST /api/v1/talks/{id}/verify',
    persona: 'coordinator',
    path: () => `/api/v1/talks/${MISSING}/verify`,
    cases: [
      { name: 'unknown talk', status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/talks/nope/verify', status: 404 },
      { name: 'wrong version type', body: { version: 'latest' }, status: 400, fields: ['version'] },
      { name: 'a talk whose course has ended', path: (ids) => `/api/v1/talks/${ids.verifiedTalk}/verify`, status: 409, message: /不能验收整改/ },
    ],
  },
  {
    route: 'POST /api/v1/talks/{id}/escalate',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/talks/${MISSING}/escalate`,
    cases: [
      { name: 'wrong types', body: { reason: 9 }, status: 400, fields: ['reason'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['reason'] },
      { name: 'unknown talk', body: validBody('escalate'), status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/assessments',
    persona: 'coordinator',
    json: true,
    path: () => '/api/v1/assessments',
    cases: [
      { name: 'wrong types', body: { planId: 7, year: '二〇二六' }, status: 400, fields: ['planId', 'year'] },
      { name: 'missing fields', body: {}, status: 400, fields: ['planId', 'year'] },
      { name: 'year out of range', body: { planId: MISSING, year: 1999 }, status: 400, fields: ['year'] },
      { name: 'unknown plan', body: { planId: MISSING, year: 2025 }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/assessments/{id}/sanctions/{sanctionId}/confirm',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/assessments/${MISSING}/sanctions/${MISSING}/confirm`,
    cases: [
      { name: 'wrong types', body: { reason: 7 }, status: 400, fields: ['reason'] },
      { name: 'unknown assessment', body: {}, status: 404 },
      { name: 'id that is not a UUID', path: () => `/api/v1/assessments/nope/sanctions/${MISSING}/confirm`, body: {}, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/assessments/{id}/sanctions/{sanctionId}/waive',
    persona: 'coordinator',
    json: true,
    path: () => `/api/v1/assessments/${MISSING}/sanctions/${MISSING}/waive`,
    cases: [
      { name: 'reason missing', body: {}, status: 400, fields: ['reason'] },
      { name: 'empty reason', body: { reason: '' }, status: 400, fields: ['reason'] },
      { name: 'unknown assessment', body: { reason: '已整改到位' }, status: 404 },
    ],
  },
  {
    route: 'POST /api/v1/assessments/{id}/confirm',
    persona: 'coordinator',
    path: () => `/api/v1/assessments/${MISSING}/confirm`,
    cases: [
      { name: 'unknown assessment', status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/assessments/nope/confirm', status: 404 },
    ],
  },
  {
    route: 'PUT /api/v1/plans/{planId}/review-periods',
    persona: 'coordinator',
    path: (ids) => `/api/v1/plans/${ids.published}/review-periods`,
    cases: [
      { name: 'impossible period', body: { periods: [{ kind: 'weekly', month: 13, day: 1 }] }, status: 400, message: /考评周期/ },
      { name: 'unknown plan', path: () => `/api/v1/plans/${MISSING}/review-periods`, body: {}, status: 404 },
      { name: 'malformed JSON', raw: '{"periods": [', status: 400, message: /not valid JSON/ },
    ],
  },
  {
    route: 'POST /api/v1/exports',
    persona: 'supervisor',
    json: true,
    path: () => '/api/v1/exports',
    cases: [
      { name: 'wrong types', body: { kind: 'ledger', planId: 7, light: 'blue' }, status: 400, fields: ['planId', 'light'] },
      { name: 'missing kind', body: {}, status: 400, fields: ['kind'] },
      { name: 'unknown kind', body: { kind: 'everything' }, status: 400, fields: ['kind'], message: /kind/ },
    ],
  },
  {
    route: 'POST /api/v1/inbox/{messageId}/read',
    persona: 'staff_own_unit',
    path: (ids) => `/api/v1/inbox/${ids.message}/read`,
    cases: [
      { name: 'unknown id', path: () => `/api/v1/inbox/${MISSING}/read`, status: 404 },
      { name: 'id that is not a UUID', path: () => '/api/v1/inbox/nope/read', status: 404 },
      { name: "another unit's message", path: (ids) => `/api/v1/inbox/${ids.message}/read`, status: 404 },
      { name: 'malformed JSON', raw: '{"x', status: 400, message: /not valid JSON/ },
    ],
  },
];

/**
 * Bad input to every mutating endpoint — malformed JSON, wrong types, missing and
 * unknown fields, oversized bodies, unknown ids, illegal transitions — answers a
 * 4xx in the one error shape with a useful message, and changes nothing.
 */
describe('bad input to every mutating endpoint', () => {
  let world: ApiWorld;
  let ids: Ids;
  let before: Record<string, string>;

  async function checksums(): Promise<Record<string, string>> {
    const sums: Record<string, string> = {};
    for (const table of TABLES) {
      const [{ sum, n }] = await world.db.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS sum FROM ${table} t`);
      sums[table] = `${n}:${sum}`;
    }
    return sums;
  }

  beforeAll(async () => {
    world = await startApiWorld('api-bad-input');
    const [{ id: supervisorId }] = await world.db.query("SELECT id FROM users WHERE username = 'supervisor'");
    ids = {
      own: await world.assignmentOf(OWN_UNIT),
      other: await world.assignmentOf(OTHER_UNIT),
      published: world.publishedPlanId,
      // Addressed to another unit: the own-unit user must get 404.
      message: await world.insertMessage(OTHER_UNIT),
      supervisorId,
      withdrawn: await world.assignmentOf('市第3局', 2),
      withdrawnOwn: await world.assignmentOf(OWN_UNIT, 2),
      withdrawnPlan: world.draftPlanId,
      draft: await insertSyntheticPlan(world.db, 1, 2),
      verifiedTalk: '',
    };
    for (const id of [ids.withdrawn, ids.withdrawnOwn]) {
      const withdrawn = await call(world, 'POST', `/api/v1/assignments/${id}/actions/withdraw`, { headers: world.headers.coordinator, body: { reason: '准备测试数据' } });
      expect(withdrawn.status).toBe(200);
    }
    expect((await call(world, 'POST', `/api/v1/plans/${ids.withdrawnPlan}/withdraw`, { headers: world.headers.admin, body: { reason: '准备测试数据' } })).status).toBe(200);
    // A 约谈 on the unit user's own assignment whose course has ended.
    const [{ id: verifiedTalk }] = (await world.db.query(
      `INSERT INTO talks (plan_id, assignment_id, unit_id, unit_name, source, status, reason, held_at, verified_at)
       SELECT plan_id, id, unit_id, unit_name, 'manual', 'verified', '准备测试数据', now(), now() FROM assignments WHERE id = $1 RETURNING id`,
      [ids.own],
    )) as { id: string }[];
    ids.verifiedTalk = verifiedTalk;
    // The engine settles after publishing (notifications delivered); then nothing may change.
    let previous = await checksums();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const current = await checksums();
      if (JSON.stringify(current) === JSON.stringify(previous)) break;
      previous = current;
    }
    before = previous;
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('covers every mutating route', () => {
    const mutating = ROUTES.map((entry) => entry.route).filter((route) => !route.startsWith('GET '));
    expect(ROUTES_UNDER_TEST.map((entry) => entry.route).sort()).toEqual(mutating.sort());
  });

  const generic = (route: MutatingRoute): BadCase[] =>
    route.json
      ? [
          { name: 'malformed JSON', raw: '{"reason": "x", ', status: 400, message: /not valid JSON/ },
          { name: 'oversized body (> 1 MB)', raw: JSON.stringify({ reason: 'x'.repeat(1_100_000) }), status: 413, message: /exceeds/ },
          { name: 'unknown field', body: { ...((validBody(route.route.split('/').pop()!) as object | undefined) ?? {}), sneaky: true }, status: 400 },
          { name: 'JSON array instead of an object', raw: '[1,2]', status: 400 },
        ]
      : [];

  const cases = ROUTES_UNDER_TEST.flatMap((route) => [...generic(route), ...route.cases].map((bad) => [route.route, bad.name, route, bad] as const));

  it.each(cases)('%s: %s', async (_route, _name, route, bad) => {
    const method = route.route.split(' ')[0]!;
    const path = (bad.path ?? route.path)(ids);
    const response = await call(world, method, path, { headers: { ...world.headers[route.persona], ...(bad.raw !== undefined ? { 'content-type': 'application/json' } : {}) }, body: bad.raw ?? bad.body });
    const detail = `${method} ${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 400)}`;
    if (response.status !== bad.status) throw new Error(`expected ${bad.status}: ${detail}`);
    expect(response.body).toMatchObject({ statusCode: bad.status, error: expect.any(String) });
    const message = Array.isArray(response.body.message) ? response.body.message.join('; ') : String(response.body.message);
    // Chinese is dense: 方案不存在 (five characters) says all it must.
    expect(message.length).toBeGreaterThanOrEqual(4);
    if (bad.message) expect(message).toMatch(bad.message);
    for (const field of bad.fields ?? []) {
      const fields = (response.body.details as { fields?: Record<string, string[]> } | undefined)?.fields ?? {};
      if (!fields[field]) throw new Error(`expected a message about "${field}": ${detail}`);
    }
  });

  it('an oversized upload is refused with 413', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(20 * 1024 * 1024 + 1, 0x41)]), 'huge.txt');
    const response = await call(world, 'POST', '/api/v1/plans', { headers: world.headers.admin, body: form });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413 });
  });

  it('a document that is not a plan is refused with 422 and the reason', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('这不是一份行动方案。', 'utf8')]), 'not-a-plan.txt');
    const response = await call(world, 'POST', '/api/v1/plans', { headers: world.headers.admin, body: form });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ statusCode: 422, error: 'invalid_document' });
  });

  it('bad query strings are 400 with field messages, never 500', async () => {
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'overdue=maybe', 'sort=evil', 'status=lost', 'dueFrom=tomorrow', 'planId=x', 'nosuch=1']) {
      const response = await call(world, 'GET', `/api/v1/assignments?${query}`, { headers: world.headers.supervisor });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.details).toHaveProperty('fields');
    }
    expect((await call(world, 'GET', '/api/v1/calendar/workdays/2026-02-30', { headers: world.headers.supervisor })).status).toBe(400);
    expect((await call(world, 'GET', '/api/v1/calendar/add-working-days?date=2026-01-01&days=1.5', { headers: world.headers.supervisor })).status).toBe(400);
    expect((await call(world, 'GET', '/api/v1/escalations?from=yesterday', { headers: world.headers.supervisor })).status).toBe(400);
    expect((await call(world, 'GET', `/api/v1/plans/${MISSING}/tasks/1`, { headers: world.headers.supervisor })).status).toBe(404);
  });

  it('left the database exactly as it was', async () => {
    expect(await checksums()).toEqual(before);
  });
});
