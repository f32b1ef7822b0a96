import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiDefaultResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Response schemas for the OpenAPI document: every route declares what it answers (ApiAnswer) and every
 * route's other answers are the one error body. Labels (`statusLabel`…) are Chinese names of the codes beside them.
 */
const text: SchemaObject = { type: 'string' };
const nullableText: SchemaObject = { type: 'string', nullable: true };
const integer: SchemaObject = { type: 'integer' };
const instant: SchemaObject = { type: 'string', format: 'date-time' };
const date: SchemaObject = { type: 'string', format: 'date' };
export const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const label = (of: string): SchemaObject => ({ type: 'string', description: `${of} 的中文名称` });
export const object = (properties: Record<string, SchemaObject>, required: string[] = Object.keys(properties), description?: string): SchemaObject => ({
  type: 'object',
  properties,
  required,
  ...(description ? { description } : {}),
});
const list = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
export const freeObject = (description: string): SchemaObject => ({ type: 'object', additionalProperties: true, description });

export const ERROR_BODY: SchemaObject = object(
  {
    statusCode: integer,
    error: { type: 'string', description: 'the coarse kind (kept for compatibility)' },
    code: { type: 'string', description: 'stable snake_case machine code, e.g. not_found, reassign_to_holder, talk_not_due' },
    message: { type: 'string', description: '中文说明' },
    details: freeObject('extra facts: fields (validation), rejection, reason, problems…'),
  },
  ['statusCode', 'error', 'code', 'message'],
);

/** A page of a list: `{ items, total, limit, offset }` (keyset `nextCursor`, `totalCapped` may be added). */
export function pageOf(item: SchemaObject): SchemaObject {
  return object({ items: list(item), total: integer, limit: integer, offset: integer, nextCursor: nullableText, totalCapped: { type: 'boolean' } }, ['items', 'total', 'limit', 'offset']);
}

export const USER: SchemaObject = object({
  id: uuid,
  username: text,
  displayName: text,
  role: text,
  roleLabel: label('role'),
  unitIds: list(text),
  disabled: { type: 'boolean' },
  createdAt: instant,
  updatedAt: instant,
});

export const TOKEN_PAIR: SchemaObject = object({ tokenType: { type: 'string', enum: ['Bearer'] }, accessToken: text, expiresIn: integer, refreshToken: text, refreshExpiresAt: instant, user: USER });

const LIGHT_REASON: SchemaObject = object({ code: text, text: { type: 'string', description: '中文原因' } }, ['code', 'text'], 'one reason of the light (more fields by code)');

export const ASSIGNMENT_SUMMARY: SchemaObject = object({
  id: uuid,
  planId: uuid,
  taskNumber: { type: 'integer', nullable: true },
  taskTitle: nullableText,
  unitName: text,
  responsibility: { type: 'string', enum: ['lead', 'support'] },
  responsibilityLabel: label('responsibility'),
  region: nullableText,
  status: text,
  statusLabel: label('status'),
  light: { type: 'string', enum: ['green', 'yellow', 'red', 'neutral'] },
  lightLabel: label('light'),
  lightReasons: list(LIGHT_REASON),
  dueDate: date,
  percent: { type: 'integer', nullable: true },
  escalationLevel: nullableText,
  escalationLevelLabel: nullableText,
  talkCount: integer,
  proposed: { type: 'boolean' },
  updatedAt: instant,
});

const EVENT: SchemaObject = object({ seq: integer, type: text, typeLabel: label('type'), actor: freeObject('who acted: role, roleLabel, id, unitIds'), payload: freeObject('the event’s facts'), occurredAt: instant });
const ESCALATION: SchemaObject = object({ seq: integer, level: text, levelLabel: label('level'), source: text, sourceLabel: label('source'), reason: nullableText, occurredAt: instant });

export const ASSIGNMENT_DETAIL: SchemaObject = {
  allOf: [
    ASSIGNMENT_SUMMARY,
    object({
      key: text,
      workflowId: text,
      kind: { type: 'string', enum: ['task', 'target'] },
      expandedFrom: nullableText,
      startDate: date,
      originalDueDate: date,
      targets: list(freeObject('a numeric target')),
      recurring: list(freeObject('a recurring duty')),
      milestones: list(object({ due: date, text, source: text })),
      events: list(EVENT),
      progressReports: list(object({ seq: integer, percent: { type: 'integer', nullable: true }, actualValue: { type: 'number', nullable: true }, text, evidenceLinks: list(text), reportedAt: instant })),
      escalations: list(ESCALATION),
    }),
  ],
};

/** What an action answers: the assignment as its workflow now holds it. */
export const ASSIGNMENT_VIEW: SchemaObject = object({
  identity: freeObject('assignment id, plan, task, unit'),
  state: freeObject('the domain state (status, dueDate, counts…)'),
  light: object({ color: text, label: label('color'), marker: nullableText, reasons: list(LIGHT_REASON) }),
  eventSeq: integer,
});

export const PLAN_SUMMARY: SchemaObject = object({
  id: uuid,
  title: text,
  documentName: text,
  docNumber: nullableText,
  issuer: nullableText,
  period: { ...object({ from: integer, to: integer }), nullable: true },
  status: text,
  statusLabel: label('status'),
  taskCount: integer,
  warningCount: integer,
  createdAt: instant,
});

export const PLAN_TASK: SchemaObject = freeObject('a task of the plan: number, title, units, lead units, deadlines (text: the full text on GET one task)');
export const PLAN_PREVIEW: SchemaObject = object({ assignments: integer, proposed: list(freeObject('a proposed unit')), withoutDueDate: list(integer), warnings: list(freeObject('a warning (中文)')) });
export const ESCALATION_ITEM: SchemaObject = { allOf: [object({ id: uuid, assignmentId: uuid, planId: uuid, unitName: text }), ESCALATION] };
export const INBOX_MESSAGE: SchemaObject = freeObject('an inbox message: id, recipient, kind, title, body (中文), payload, createdAt, readAt');

/**
 * The route answers `status` with `schema`; every other answer is the one error body. `description` says
 * what the answer is.
 */
export function ApiAnswer(schema: SchemaObject | null, description: string, status: number = HttpStatus.OK) {
  return applyDecorators(
    ApiResponse({ status, description, ...(schema ? { schema } : {}) }),
    ApiDefaultResponse({ description: '错误：{ statusCode, error, code, message（中文）, details? }', schema: ERROR_BODY }),
  );
}

/** A server-sent event stream. */
export function ApiEventStream(description: string) {
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiResponse({ status: HttpStatus.OK, description, content: { 'text/event-stream': { schema: { type: 'string', description: 'SSE: id, event (assignment.<type>), data (an event with typeLabel)' } } } }),
    // Refusals (no ticket, bad query) are answered as JSON before the stream opens.
    ApiDefaultResponse({ description: '错误：{ statusCode, error, code, message（中文）, details? }', content: { 'application/json': { schema: ERROR_BODY } } }),
  );
}

/** A file download (an export, an evidence file): its bytes, or the one error body. */
export function ApiFile(contentType: string, description: string) {
  return applyDecorators(
    ApiProduces(contentType),
    ApiResponse({ status: HttpStatus.OK, description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } }),
    ApiDefaultResponse({ description: '错误：{ statusCode, error, code, message（中文）, details? }', content: { 'application/json': { schema: ERROR_BODY } } }),
  );
}

const shareCount = object({ key: text, label: label('key'), count: integer, share: { type: 'number', description: 'percent of the total (0..100)' } });
const groupCounts = {
  total: integer,
  byPace: freeObject('count per 序时进度 class (completed, ahead, on_pace, behind, not_started)'),
  byLight: freeObject('count per light (green, yellow, red, neutral)'),
  overdue: integer,
  lagging: integer,
};
/** GET /statistics/overview: counts at a date by light, 序时进度 class and status, per unit and region. */
export const STATISTICS_OVERVIEW: SchemaObject = object({
  asOf: date,
  planId: { ...uuid, nullable: true },
  plans: integer,
  total: integer,
  open: integer,
  overdue: integer,
  lagging: integer,
  byEscalationLevel: list(object({ key: text, label: label('key'), count: integer })),
  byLight: list(shareCount),
  byPace: list(shareCount),
  byStatus: list(shareCount),
  byUnit: list(object({ unitId: text, unitName: text, ...groupCounts })),
  byRegion: list(object({ region: text, ...groupCounts })),
  mostLaggingUnits: list(object({ unitId: text, unitName: text, total: integer, lagging: integer, overdue: integer, red: integer, laggingShare: { type: 'number' } })),
  planTitles: list(object({ id: uuid, title: text })),
});
const nullableInteger: SchemaObject = { type: 'integer', nullable: true };
/** GET /statistics/overdue-trend: one point per day, empty (null) where nothing was recorded. */
export const STATISTICS_TREND: SchemaObject = object({
  from: date,
  to: date,
  planId: { ...uuid, nullable: true },
  points: list(object({ day: date, total: nullableInteger, overdue: nullableInteger, lagging: nullableInteger, red: nullableInteger, overdueShare: { type: 'number', nullable: true } })),
});

/** An export job (POST /exports → 202; GET /exports/{id}). */
export const EXPORT_JOB: SchemaObject = object(
  {
    id: uuid,
    kind: { type: 'string', enum: ['ledger'] },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    statusLabel: label('status'),
    rows: nullableInteger,
    fileName: text,
    size: nullableInteger,
    error: nullableText,
    createdAt: instant,
    finishedAt: { ...instant, nullable: true },
    downloadPath: nullableText,
  },
  ['id', 'kind', 'status', 'statusLabel', 'fileName', 'createdAt'],
);
