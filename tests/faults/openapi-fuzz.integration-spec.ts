import SwaggerParser from '@apidevtools/swagger-parser';
import { randomUUID } from 'node:crypto';
import { bearer, createTestUser, signIn } from '../api-auth/auth-helpers';
import { call, startApiWorld, OWN_UNIT, type ApiWorld } from '../api/api-world';

/** Every answer within this, whatever was sent (the brief's bar: no request without an answer within 15 s). */
const ANSWER_WITHIN_MS = 15_000;
const CONCURRENCY = 6;
/** Numbers past every range a column or a DTO holds. */
const HOSTILE_NUMBERS = ['-1', '0', '1e309', '99999999999999999999', '2147483648', '1.5', 'NaN'];

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  required?: string[];
  minimum?: number;
  maxLength?: number;
  allOf?: Schema[];
};
type Operation = { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } };

/** Hostile strings: NUL and other control characters, huge, injection, markup, traversal, odd Unicode. */
const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u001b[31mred\u001b[0m',
  '\u0007\u0008\u000b',
  'x'.repeat(20_000),
  '字'.repeat(12_000),
  "' OR '1'='1' --",
  '"; DROP TABLE assignments; --',
  '{"$gt": ""}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '\u202eevil\u202c',
  '\ud800',
  '${jndi:ldap://x/a}',
  '%00',
  '',
  ' ',
];
/** Values of the wrong type for any field. */
const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], {}, [null], { nested: { deeper: ['x'] } }, 'NaN'];

/**
 * An OpenAPI-driven fuzzer over every route: path parameters, query strings and
 * JSON bodies from the document, each mutated into hostile input (nulls, wrong
 * types, NUL and control characters, huge strings, injection strings, prototype
 * keys, absurd nesting), plus wrong content types and malformed JSON. Whatever is
 * sent, the API answers within 15 s and never with a 5xx.
 */
describe('OpenAPI-driven fuzzing of every route', () => {
  let world: ApiWorld;
  let document: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
  let ids: Record<string, string>;
  let fuzzAdmin: Record<string, string>;
  let adminAssignment: string;

  beforeAll(async () => {
    world = await startApiWorld('fuzz');
    const response = await call(world, 'GET', '/api/docs-json');
    // Dereferenced: request bodies' $refs become their schemas.
    document = (await SwaggerParser.dereference(response.body as never)) as unknown as typeof document;
    // The fuzzer changes whatever it may (passwords, roles, channels): only on users and a unit of its own,
    // never on the demo users other test files sign in with.
    const tag = randomUUID().slice(0, 8);
    await createTestUser(world.db, { username: `fuzz-admin-${tag}`, displayName: '模糊测试管理员', role: 'admin', unitIds: [], password: 'fuzz-admin-password-2027' });
    const targetId = await createTestUser(world.db, { username: `fuzz-target-${tag}`, displayName: '模糊测试对象', role: 'supervisor', unitIds: [], password: 'fuzz-target-password-2027' });
    adminAssignment = await world.assignmentOf('市第3局');
    fuzzAdmin = bearer((await signIn(world.baseUrl, `fuzz-admin-${tag}`, 'fuzz-admin-password-2027')).accessToken);
    ids = {
      assignmentId: await world.assignmentOf(OWN_UNIT),
      planId: world.draftPlanId,
      messageId: await world.insertMessage(OWN_UNIT),
      id: targetId,
      unit: `模糊测试单位${tag}`,
      number: '1',
      date: '2026-10-01',
    };
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('answers every hostile request within 15 s, never with a 5xx', async () => {
    const requests = buildRequests();
    expect(requests.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const started = Date.now();
        try {
          const response = await fetch(`${world.baseUrl}${request.path}`, {
            method: request.method,
            headers: { ...(request.persona === 'admin' ? fuzzAdmin : world.headers[request.persona]), ...(request.contentType ? { 'content-type': request.contentType } : {}) },
            ...(request.body !== undefined ? { body: request.body } : {}),
            signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
          });
          // The event stream never ends by design: its status is the answer.
          if (request.path.startsWith('/api/v1/events/stream')) await response.body?.cancel();
          else await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) failures.push(`${request.method} ${request.path.slice(0, 120)} [${request.what}] → ${response.status}`);
        } catch (error) {
          failures.push(`${request.method} ${request.path.slice(0, 120)} [${request.what}] → no answer after ${Date.now() - started} ms (${String(error)})`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // What came back (for the record): 2xx/4xx only.
    process.stderr.write(`[fuzz] ${requests.length} requests: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')}\n`);
    expect(failures).toEqual([]);
  }, 600_000);

  interface FuzzRequest {
    readonly method: string;
    readonly path: string;
    readonly persona: 'admin' | 'staff_own_unit' | 'anonymous';
    readonly body?: string;
    readonly contentType?: string;
    readonly what: string;
  }

  function buildRequests(): FuzzRequest[] {
    const requests: FuzzRequest[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const verb = method.toUpperCase();
        const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
        const queryParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
        const validPath = fill(template, (name) => ids[name] ?? '1');
        // The administrator acts (约谈, 撤销…) on another unit's assignment: counts of OWN_UNIT's escalations in other files stay exact.
        const forPersona = (persona: string, path: string) => (persona === 'admin' ? path.replace(ids.assignmentId!, adminAssignment) : path);
        const jsonSchema = operation.requestBody?.content['application/json']?.schema;
        const validBody = jsonSchema ? example(jsonSchema) : undefined;
        // Unit staff take other paths only on assignment actions (unit scoping); the administrator reaches everything else.
        const personas = template.includes('/actions/') ? (['admin', 'staff_own_unit'] as const) : (['admin'] as const);
        const add = (request: Omit<FuzzRequest, 'method' | 'persona'>) => {
          for (const persona of personas) requests.push({ ...request, path: forPersona(persona, request.path), method: verb, persona });
        };
        const withBody = (body: unknown) => (verb === 'GET' ? {} : { body: JSON.stringify(body), contentType: 'application/json' });

        // Path parameters, one at a time.
        for (const parameter of pathParameters) {
          for (const value of [...HOSTILE_STRINGS.filter((text) => text.length < 5000), ...HOSTILE_NUMBERS]) {
            add({ path: fill(template, (name) => (name === parameter.name ? encode(value) : (ids[name] ?? '1'))), ...withBody(validBody ?? {}), what: `path ${parameter.name}=${JSON.stringify(value).slice(0, 20)}` });
          }
        }
        // Query parameters, one at a time, plus repeated keys and unknown ones.
        for (const parameter of queryParameters) {
          for (const value of [...HOSTILE_STRINGS.filter((text) => text.length < 5000), ...HOSTILE_NUMBERS, 'true', '2026-02-30']) {
            add({ path: `${validPath}?${parameter.name}=${encode(value)}`, what: `query ${parameter.name}=${JSON.stringify(value).slice(0, 20)}` });
          }
          add({ path: `${validPath}?${parameter.name}=a&${parameter.name}=b`, what: `query ${parameter.name} repeated` });
          add({ path: `${validPath}?${parameter.name}[__proto__][x]=1`, what: `query ${parameter.name} prototype` });
        }
        if (verb === 'GET') continue;

        // JSON bodies: each field mutated, then the whole body.
        const base = (validBody && typeof validBody === 'object' && !Array.isArray(validBody) ? validBody : {}) as Record<string, unknown>;
        const fields = Object.keys(jsonSchema?.properties ?? {});
        for (const field of fields) {
          for (const value of [...WRONG_TYPES, ...HOSTILE_STRINGS, [HOSTILE_STRINGS[0]], [{ __proto__: 1 }]]) {
            add({ path: validPath, ...withBody({ ...base, [field]: value }), what: `body ${field}=${JSON.stringify(value)?.slice(0, 20)}` });
          }
        }
        for (const body of [[], 'text', 12, null, deep(60), { ...base, unknownField: true }]) add({ path: validPath, ...withBody(body), what: `body ${JSON.stringify(body)?.slice(0, 20)}` });
        for (const raw of ['{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {"admin": true}}}', '{"a":', '\u0000', '{"text": "\\u0000"}']) {
          add({ path: validPath, body: raw, contentType: 'application/json', what: `raw ${JSON.stringify(raw).slice(0, 20)}` });
        }
        // Wrong content types for the same body.
        for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
          add({ path: validPath, body: contentType.includes('xml') ? '<a>1</a>' : JSON.stringify(base), contentType, what: `content-type ${contentType}` });
        }
        requests.push({ method: verb, path: validPath, persona: 'anonymous', ...withBody(base), what: 'anonymous' });
      }
    }
    return requests;
  }
});

function fill(template: string, value: (name: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
}

/** A plausible value for a schema (valid enough to get past the first field). */
function example(schema: Schema): unknown {
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => example(part) as object));
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
    case undefined:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, example(property)]));
    case 'array':
      return schema.items ? [example(schema.items)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return schema.format === 'date' ? '2027-06-30' : '测试';
  }
}

function deep(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i += 1) value = { value };
  return value;
}

/** Percent-encoded; a lone surrogate becomes its (invalid) UTF-8 bytes, as a hostile client would send them. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
