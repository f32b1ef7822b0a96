import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { linkLegacyUnits, organisationId, unitKey } from '@duban/persistence';
import { AssignmentService } from '@duban/services';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import { bearer, postJson, signIn, signInAsDemoAdmin } from '../api-auth/auth-helpers';
import { eventually, openDatabase, startApi, startWorker, useTestEnvironment } from '../support/duban-harness';

/**
 * Issue 8, units as records, through the API on real PostgreSQL, Redis and Temporal: a plan's printed names
 * resolved against the organisation directory, the publish gate, a coordinator's mapping learned for the next
 * import, unit filters by id and alias, and user scopes that must name real units.
 */
describe('organisation directory: resolution, publish gate, mappings, unit ids', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let db: DataSource;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  const tag = randomUUID().slice(0, 8);
  const madeUp = `市新设测试局${tag}`;
  const nanjingHealth = organisationId(unitKey('南京市', 'health'));

  const plan = (title: string, extraTask: string) =>
    Buffer.from(
      [
        `南京市${title}专项行动方案（2026—2027年）`,
        '',
        '一、重点任务',
        '1．建设统一受理平台。2026年底前完成平台上线。（责任单位：市卫健委、市编办、市委编办、江北新区、江北新区管委会）',
        `2．开展基层试点。到2027年6月底，试点街道达到20个。（牵头单位：市发改委；配合单位：${extraTask}、各区人民政府）`,
        '',
      ].join('\n'),
      'utf8',
    );

  async function upload(bytes: Buffer, name: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${api.baseUrl}/api/v1/plans`, { method: 'POST', headers: admin, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { planId: string }).planId;
  }

  const get = async (path: string, headers = coordinator) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of several shapes, asserted field by field below
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    const run = useTestEnvironment('organisation');
    process.env.LOGIN_RATE_LIMIT = '1000';
    worker = await startWorker(run);
    api = await startApi();
    db = await openDatabase(run);
    admin = (await signInAsDemoAdmin(api.baseUrl, db)).headers;
    coordinator = bearer((await signIn(api.baseUrl, 'coordinator', 'coordinator123')).accessToken);
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await db?.destroy();
  });

  it('the seed directory is loaded by db migrate: cities with every district and its code', async () => {
    const cities = await get('/api/v1/jurisdictions?level=city');
    // (Other test files of the same run may add a test city without a code.)
    const seeded = cities.body.items.filter((city: { code: string | null }) => city.code !== null);
    expect(seeded.map((city: { name: string }) => city.name).sort()).toEqual(['南京市', '南通市', '呼和浩特市', '连云港市', '郴州市'].sort());
    const nanjing = cities.body.items.find((city: { name: string }) => city.name === '南京市');
    expect(nanjing.code).toBe('320100');
    const districts = await get(`/api/v1/jurisdictions?parentId=${nanjing.id}`);
    expect(districts.body.items).toHaveLength(11);
    const units = await get(`/api/v1/units?jurisdictionId=${nanjing.id}&text=${encodeURIComponent('市卫生健康委')}`);
    expect(units.body.items.map((unit: { id: string }) => unit.id)).toEqual([nanjingHealth]);
    expect(units.body.items[0]).toMatchObject({ name: '南京市卫生健康委员会', shortName: '市卫健委', kind: 'department', kindLabel: '部门', jurisdictionName: '南京市' });
  });

  it('an unknown unit blocks publishing (422 naming it); mapped, the plan publishes and the alias resolves on the next import', async () => {
    const planId = await upload(plan(`“${tag}”`, madeUp), `org-${tag}.txt`);
    expect((await get(`/api/v1/plans/${planId}`)).body.jurisdiction).toMatchObject({ name: '南京市' });

    const resolutions = (await get(`/api/v1/plans/${planId}/unit-resolutions`)).body.items as { printedName: string; status: string; statusLabel: string; unitId?: string; expandsTo?: unknown[] }[];
    const of = (name: string) => resolutions.find((resolution) => resolution.printedName === name)!;
    expect(of(madeUp)).toMatchObject({ status: 'unknown', statusLabel: '未知单位' });
    expect(of('市编办').unitId).toBe(of('市委编办').unitId);
    // (The parser already reads 江北新区 as 江北新区管委会; the directory places either on the same unit.)
    expect(of('江北新区管委会')).toMatchObject({ status: 'resolved', unitName: '江北新区管委会' });
    expect(of('各区人民政府')).toMatchObject({ status: 'collective' });
    expect(of('各区人民政府').expandsTo).toHaveLength(11);

    const blocked = await postJson(api.baseUrl, `/api/v1/plans/${planId}/publish`, {}, admin);
    expect(blocked.status).toBe(422);
    const body = (await blocked.json()) as { message: string; details: { reason: string; problems: { code: string; printedName?: string; message: string }[] } };
    expect(body.details.reason).toBe('publish_blocked');
    expect(body.details.problems).toEqual([expect.objectContaining({ code: 'unit_unresolved', printedName: madeUp })]);
    expect(body.message).toContain(madeUp);
    expect((await db.query('SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1', [planId]))[0].n).toBe(0);

    // Unit staff may not map; a coordinator creates the unit from the draft.
    const mapped = await postJson(api.baseUrl, `/api/v1/plans/${planId}/unit-mappings`, { printedName: madeUp, newUnit: { name: `南京市新设测试局${tag}`, shortName: madeUp, kind: 'department' } }, coordinator);
    expect(mapped.status).toBe(201);
    expect(await mapped.json()).toMatchObject({ printedName: madeUp, status: 'resolved', unitName: madeUp });

    expect((await postJson(api.baseUrl, `/api/v1/plans/${planId}/publish`, {}, admin)).status).toBe(202);
    const rows = await eventually('the plan’s assignments', async () => {
      const found = (await db.query('SELECT unit_id, unit_name, task_number FROM assignments WHERE plan_id = $1 ORDER BY task_number, unit_name', [planId])) as { unit_id: string | null; unit_name: string; task_number: number }[];
      return found.length > 0 ? found : undefined;
    }, 120_000);
    expect(rows.every((row) => row.unit_id !== null)).toBe(true);
    const task1 = rows.filter((row) => row.task_number === 1).map((row) => row.unit_name).sort();
    expect(task1).toEqual(['市卫健委', '市委编办', '江北新区管委会'].sort());
    const task2 = rows.filter((row) => row.task_number === 2);
    expect(task2).toHaveLength(2 + 11);
    expect(rows.some((row) => /^各/.test(row.unit_name))).toBe(false);

    // The next plan of the same city prints the same name: it resolves through the learned alias.
    const next = await upload(plan(`“${tag}”第二期`, madeUp), `org-${tag}-2.txt`);
    const again = ((await get(`/api/v1/plans/${next}/unit-resolutions`)).body.items as { printedName: string; status: string; unitName?: string }[]).find((item) => item.printedName === madeUp);
    expect(again).toMatchObject({ status: 'resolved', unitName: madeUp });

    // Filters: by unit id, and by any alias of the body within the plan's city.
    const byId = await get(`/api/v1/assignments?planId=${planId}&unitId=${nanjingHealth}`);
    expect(byId.body.items.map((item: { unitId: string }) => item.unitId)).toEqual([nanjingHealth]);
    const byAlias = await get(`/api/v1/assignments?planId=${planId}&text=${encodeURIComponent('卫健部门')}`);
    expect(byAlias.body.items.map((item: { unitName: string }) => item.unitName)).toEqual(['市卫健委']);
  });

  it('a user for a unit that does not exist is refused (400, Chinese); a real unit is stored by its id', async () => {
    const refused = await postJson(api.baseUrl, '/api/v1/users', { username: `ghost-${tag}`, displayName: '幽灵单位经办人', role: 'unit_staff', unitIds: ['不存在的单位局'], password: 'password-ghost-1' }, admin);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { message: string; details: { reason: string } };
    expect(body.message).toContain('不存在的单位局');
    expect(body.details.reason).toBe('unit_not_found');
    const ambiguous = await postJson(api.baseUrl, '/api/v1/users', { username: `amb-${tag}`, displayName: '同名单位', role: 'unit_staff', unitIds: ['市卫健委'], password: 'password-amb-1' }, admin);
    expect(ambiguous.status).toBe(400);
    const created = await postJson(api.baseUrl, '/api/v1/users', { username: `nj-${tag}`, displayName: '南京卫健委经办人', role: 'unit_staff', unitIds: ['南京市卫生健康委员会'], password: 'password-nj-1' }, admin);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ unitIds: [nanjingHealth] });
    const user = (await db.query('SELECT id FROM users WHERE username = $1', [`nj-${tag}`]))[0] as { id: string };
    expect((await postJson(api.baseUrl, `/api/v1/users/${user.id}`, { unitIds: [randomUUID()] }, admin, 'PATCH')).status).toBe(400);
  });

  it('a draft names its jurisdiction; a coordinator confirms another; unit staff may not', async () => {
    const planId = await upload(plan(`“${tag}”第三期`, '市财政局'), `org-${tag}-3.txt`);
    const nantong = (await get('/api/v1/jurisdictions?level=city')).body.items.find((city: { name: string }) => city.name === '南通市');
    const staff = bearer((await signIn(api.baseUrl, 'weijian', 'weijian123')).accessToken);
    expect((await postJson(api.baseUrl, `/api/v1/plans/${planId}`, { jurisdictionId: nantong.id }, staff, 'PATCH')).status).toBe(403);
    const patched = await postJson(api.baseUrl, `/api/v1/plans/${planId}`, { jurisdictionId: nantong.id }, coordinator, 'PATCH');
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ jurisdiction: { id: nantong.id, name: '南通市' } });
    // In 南通 the 南京-only bodies are not found: 江北新区 is unknown there.
    const items = (await get(`/api/v1/plans/${planId}/unit-resolutions`)).body.items as { printedName: string; status: string }[];
    expect(items.find((item) => item.printedName === '江北新区管委会')!.status).not.toBe('resolved');
  });

  it('a workflow keyed by a unit name (as every live workflow is) takes actions from staff scoped by the unit id; legacy rows get ids on migrate', async () => {
    const planId = await insertSyntheticPlan(db, 1, 2, {}, `迁移测试${tag}第`);
    expect((await postJson(api.baseUrl, `/api/v1/plans/${planId}/publish`, {}, admin)).status).toBe(202);
    const row = await eventually('the started assignment', async () => {
      const [found] = (await db.query("SELECT id, unit_id, unit_name, state->>'unitId' AS workflow_unit FROM assignments WHERE plan_id = $1 AND workflow_started ORDER BY unit_name LIMIT 1", [planId])) as {
        id: string;
        unit_id: string;
        unit_name: string;
        workflow_unit: string;
      }[];
      return found;
    }, 120_000);
    // The workflow's own unit key is the name it was started with; the directory id lives beside it in the record.
    expect(row.workflow_unit).toBe(row.unit_name);
    expect(row.unit_id).toMatch(/^[0-9a-f-]{36}$/);
    const service = api.app.get(AssignmentService);
    const byId: Actor = { role: 'unit_staff', unitIds: [row.unit_id], id: `staff-${tag}` };
    const other: Actor = { role: 'unit_staff', unitIds: [organisationId(unitKey('南京市', 'finance'))], id: `other-${tag}` };
    await expect(service.act(row.id, { type: 'accept' }, other)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await service.act(row.id, { type: 'accept' }, byId)).state.status).toBe('in_progress');
    expect((await service.list({ units: byId.unitIds }, { limit: 50 })).items.map((item) => item.id)).toEqual([row.id]);

    // A row written before the directory (no unit id) is linked to the unit its name resolves to, nothing lost.
    await db.query('UPDATE assignments SET unit_id = NULL WHERE plan_id = $1', [planId]);
    const linked = await linkLegacyUnits(db.manager);
    expect(linked.assignmentsLinked).toBeGreaterThanOrEqual(2);
    expect((await db.query('SELECT unit_id FROM assignments WHERE id = $1', [row.id]))[0].unit_id).toBe(row.unit_id);
    expect((await db.query('SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1 AND unit_id IS NULL', [planId]))[0].n).toBe(0);
  });

  it('a filter by a body’s city-specific name finds that body’s assignments and no other city’s; by unit id likewise', async () => {
    // Two cities' health commissions: 南京 prints 市卫健委, 郴州 prints 市卫生健康委 (each a body of its own city).
    const doc = (city: string, printed: string) =>
      Buffer.from([`${city}“${tag}”健康专项行动方案（2026—2027年）`, '', '一、重点任务', `1．建设健康档案平台。2026年底前完成平台上线。（责任单位：${printed}）`, ''].join('\n'), 'utf8');
    const nanjingPlan = await upload(doc('南京市', '市卫健委'), `alias-nj-${tag}.txt`);
    const chenzhouPlan = await upload(doc('郴州市', '市卫生健康委'), `alias-cz-${tag}.txt`);
    for (const planId of [nanjingPlan, chenzhouPlan]) expect((await postJson(api.baseUrl, `/api/v1/plans/${planId}/publish`, {}, admin)).status).toBe(202);
    await eventually('both plans’ assignments', async () => {
      const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM assignments WHERE plan_id = ANY($1)', [[nanjingPlan, chenzhouPlan]])) as { n: number }[];
      return n === 2 ? n : undefined;
    }, 120_000);
    const chenzhouHealth = organisationId(unitKey('郴州市', 'health'));
    const plansOf = async (query: string) =>
      ((await get(`/api/v1/assignments?${query}&limit=500`)).body.items as { planId: string }[]).map((item) => item.planId).filter((planId) => [nanjingPlan, chenzhouPlan].includes(planId));
    // The seed gives each city's commission its city-prefixed name as an alias (南京市卫健委, 郴州市卫健委).
    expect(await plansOf(`text=${encodeURIComponent('南京市卫健委')}`)).toEqual([nanjingPlan]);
    expect(await plansOf(`text=${encodeURIComponent('郴州市卫健委')}`)).toEqual([chenzhouPlan]);
    expect(await plansOf(`text=${encodeURIComponent('郴州市卫生健康委员会')}`)).toEqual([chenzhouPlan]);
    expect(await plansOf(`unitId=${nanjingHealth}`)).toEqual([nanjingPlan]);
    expect(await plansOf(`unitId=${chenzhouHealth}`)).toEqual([chenzhouPlan]);
    // A short alias both cities use finds each city's own body (and only health commissions).
    expect((await plansOf(`text=${encodeURIComponent('市卫生健康委')}`)).sort()).toEqual([nanjingPlan, chenzhouPlan].sort());
  });
});
