import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAS, registeredRoutes, startApiWorld, OTHER_UNIT, OWN_UNIT, type ApiWorld, type Persona } from './api-world';
import { ROUTES, type Outcome, type RouteContext } from './routes';

const SEED = '001_c0ed3052eda0fa1b.txt';

/**
 * Every route × every persona (anonymous; a unit's staff on their own unit's and on
 * another unit's records; supervisor; coordinator; admin): allowed, or 401/403/404
 * exactly as listed in routes.ts. The list must cover every route Nest registered.
 */
describe('authorization matrix: every route × every role', () => {
  let world: ApiWorld;
  let context: RouteContext;

  beforeAll(async () => {
    world = await startApiWorld('api-matrix');
    const acrossUnits = await world.assignmentOf('市第3局', 2);
    const mailbox: Record<Exclude<Persona, 'anonymous'>, string> = {
      staff_other_unit: OTHER_UNIT,
      staff_own_unit: OWN_UNIT,
      supervisor: 'role:supervisor',
      coordinator: 'role:coordinator',
      admin: 'role:admin',
    };
    context = {
      world,
      assignmentFor: async (persona) =>
        persona === 'staff_own_unit' ? world.assignmentOf(OWN_UNIT) : persona === 'staff_other_unit' ? world.assignmentOf(OTHER_UNIT) : acrossUnits,
      messageFor: async (persona) => world.insertMessage(persona === 'anonymous' ? OWN_UNIT : mailbox[persona]),
      userId: async (username) => ((await world.db.query('SELECT id FROM users WHERE username = $1', [username])) as { id: string }[])[0]!.id,
    };
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lists every route the API registered (a new route cannot be left out)', () => {
    const listed = ROUTES.map((entry) => entry.route).sort();
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(registeredRoutes(world.app));
  });

  const cases = ROUTES.flatMap((entry) => PERSONAS.map((persona) => [entry.route, persona, entry] as const));

  it.each(cases)('%s as %s', async (route, persona, entry) => {
    const method = route.split(' ')[0]!;
    const request = await entry.request(context, persona);
    const init: RequestInit = { method, headers: { ...world.headers[persona] } };
    if (request.multipart) {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(join(__dirname, '../../seeds/plans', SEED))]), SEED);
      init.body = form;
    } else if (request.body !== undefined) {
      init.body = JSON.stringify(request.body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${world.baseUrl}${request.path}`, init);
    const text = route.endsWith('/events/stream') && response.status === 200 ? (await response.body?.cancel(), '') : await response.text();
    const expected: Outcome = entry.expect[persona];
    const outcome: Outcome | number = [401, 403, 404].includes(response.status) ? (response.status as Outcome) : response.status < 500 ? 'ok' : response.status;
    if (outcome !== expected) throw new Error(`${route} as ${persona}: expected ${expected}, got ${response.status} ${text.slice(0, 300)}`);
    if (typeof expected === 'number') {
      const body = JSON.parse(text) as { statusCode: number; error: string; message: unknown };
      expect(body).toMatchObject({ statusCode: expected, error: expect.any(String), message: expect.anything() });
      // Another unit's records: nothing about them leaks into the answer.
      if (persona === 'staff_other_unit') expect(text).not.toContain(OTHER_UNIT);
    }
  });
});
