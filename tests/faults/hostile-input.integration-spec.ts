import { call, startApiWorld, OWN_UNIT, type ApiWorld } from '../api/api-world';
import { connectTemporalClient } from '@duban/temporal';
import { insertSyntheticPlan } from '../support/synthetic-plan';

/**
 * The defects an outside probe found with hostile input, one by one: NUL bytes and
 * explicit nulls gave 500s, an XML body was accepted, prototype keys passed, a NUL
 * in a report froze the assignment for good (the recording retried forever, the API
 * waited without bound, the Idempotency-Key stayed "in progress").
 */
describe('hostile input', () => {
  let world: ApiWorld;
  let own: string;
  let supervisorId: string;
  const savedUpdateTimeout = process.env.UPDATE_TIMEOUT_MS;

  beforeAll(async () => {
    // A short Update bound so the "worker gone" case answers quickly.
    process.env.UPDATE_TIMEOUT_MS = '3000';
    world = await startApiWorld('hostile-input');
    own = await world.assignmentOf(OWN_UNIT);
    [{ id: supervisorId }] = await world.db.query("SELECT id FROM users WHERE username = 'supervisor'");
    const accepted = await call(world, 'POST', `/api/v1/assignments/${own}/actions/accept`, { headers: world.headers.staff_own_unit });
    expect(accepted.status).toBe(200);
  });

  afterAll(async () => {
    await world?.stop();
    if (savedUpdateTimeout === undefined) delete process.env.UPDATE_TIMEOUT_MS;
    else process.env.UPDATE_TIMEOUT_MS = savedUpdateTimeout;
  });

  async function eventsOf(assignmentId: string): Promise<{ seq: number; type: string; text: string | null }[]> {
    return world.db.query("SELECT seq, type, payload->>'text' AS text FROM assignment_events WHERE assignment_id = $1 ORDER BY seq", [assignmentId]);
  }

  it('NUL bytes in filters, paths and sign-in answer 400 with the field, never 500', async () => {
    const cases: [string, string, Record<string, string>, string][] = [
      ['GET', '/api/v1/plans?text=%00', world.headers.supervisor, 'text'],
      ['GET', '/api/v1/assignments?unit=%E5%B8%82%00', world.headers.supervisor, 'unit'],
      ['GET', '/api/v1/inbox?kind=%00', world.headers.staff_own_unit, 'kind'],
      ['GET', '/api/v1/escalations?unit=%00', world.headers.supervisor, 'unit'],
      ['GET', '/api/v1/audit-log?username=%00', world.headers.admin, 'username'],
      ['GET', '/api/v1/units/%00/channels', world.headers.admin, 'unit'],
      ['GET', '/api/v1/assignments?text=%1B%5B31m', world.headers.supervisor, 'text'],
    ];
    for (const [method, path, headers, field] of cases) {
      const response = await call(world, method, path, { headers });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect((response.body.details as { fields: Record<string, string[]> }).fields[field]?.[0]).toMatch(/控制字符 U\+00(00|1B)/);
    }
    const login = await call(world, 'POST', '/api/v1/auth/login', { body: { username: 'ad\u0000min', password: 'admin123' } });
    expect(login.status).toBe(400);
    expect(login.body.details).toMatchObject({ fields: { username: [expect.stringContaining('U+0000')] } });
  });

  it('explicit nulls answer 400 with a field message (task edits, user updates, actions)', async () => {
    const draft = await insertSyntheticPlan(world.db, 1, 2);
    for (const field of ['units', 'lead', 'deadlines']) {
      const response = await call(world, 'PATCH', `/api/v1/plans/${draft}/tasks/1`, { headers: world.headers.coordinator, body: { [field]: null } });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect((response.body.details as { fields: Record<string, string[]> }).fields[field]).toEqual([`字段 ${field} 不能为 null：不修改的字段请省略`]);
    }
    const deep = await call(world, 'PATCH', `/api/v1/plans/${draft}/tasks/1`, { headers: world.headers.coordinator, body: { deadlines: [{ due: null, text: '年底' }] } });
    expect(deep.status).toBe(400);
    expect(deep.body.details).toMatchObject({ fields: { 'deadlines.0.due': [expect.stringContaining('null')] } });
    const user = await call(world, 'PATCH', `/api/v1/users/${supervisorId}`, { headers: world.headers.admin, body: { displayName: null, unitIds: null, role: null, disabled: null, password: null } });
    expect(user.status).toBe(400);
    expect(Object.keys((user.body.details as { fields: Record<string, string[]> }).fields).sort()).toEqual(['disabled', 'displayName', 'password', 'role', 'unitIds']);
    const report = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: world.headers.staff_own_unit, body: { text: '进展', percent: null } });
    expect(report.status).toBe(400);
  });

  it('bodies that are not JSON answer 415 and change nothing', async () => {
    const draft = await insertSyntheticPlan(world.db, 1, 1);
    const bodies: [string, string][] = [
      ['application/xml', '<publish><confirmProposals>true</confirmProposals></publish>'],
      ['text/plain', '{}'],
      ['application/x-www-form-urlencoded', 'confirmProposals=true'],
    ];
    for (const [type, body] of bodies) {
      const response = await call(world, 'POST', `/api/v1/plans/${draft}/publish`, { headers: { ...world.headers.admin, 'content-type': type }, body });
      expect({ type, status: response.status }).toEqual({ type, status: 415 });
      expect(String(response.body.message)).toContain('application/json');
    }
    const [{ status }] = await world.db.query('SELECT status FROM plans WHERE id = $1', [draft]);
    expect(status).toBe('draft');
    // A multipart body to a JSON route is refused too; an action without a body needs no Content-Type.
    const form = new FormData();
    form.append('text', '进展');
    expect((await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: world.headers.staff_own_unit, body: form })).status).toBe(415);
  });

  it('prototype keys are refused wherever they appear', async () => {
    for (const raw of ['{"text":"进展","__proto__":{"role":"admin"}}', '{"text":"进展","constructor":{"prototype":{"role":"admin"}}}', '{"text":"进展","evidenceLinks":[{"__proto__":{}}]}']) {
      const response = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: { ...world.headers.staff_own_unit, 'content-type': 'application/json' }, body: raw });
      expect({ raw, status: response.status }).toEqual({ raw, status: 400 });
    }
  });

  it('evidence links must be http(s); markup is stored as given and returned as JSON', async () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const response = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: world.headers.staff_own_unit, body: { text: '进展', evidenceLinks: [link] } });
      expect({ link, status: response.status, rejection: (response.body.details as { rejection?: string } | undefined)?.rejection }).toEqual({ link, status: 422, rejection: 'invalid_evidence' });
    }
    const markup = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const ok = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: world.headers.staff_own_unit, body: { text: markup, evidenceLinks: ['https://example.gov.cn/doc/1'] } });
    expect(ok.status).toBe(200);
    const detail = await call(world, 'GET', `/api/v1/assignments/${own}`, { headers: world.headers.staff_own_unit });
    expect(detail.headers.get('content-type')).toMatch(/^application\/json/);
    expect(detail.headers.get('x-content-type-options')).toBe('nosniff');
    expect((detail.body.progressReports as { text: string }[]).map((report) => report.text)).toContain(markup);
  });

  it('a poisoned payload never reaches the workflow, and a data error in the recording refuses the action but leaves the assignment usable', async () => {
    const before = await eventsOf(own);
    const poisoned = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: { ...world.headers.staff_own_unit, 'idempotency-key': 'poison-1' }, body: { text: 'a\u0000b' } });
    expect(poisoned.status).toBe(400);
    expect(await eventsOf(own)).toEqual(before);
    const [{ workflow_id: workflowId }] = await world.db.query('SELECT workflow_id FROM assignments WHERE id = $1', [own]);
    const { client, connection } = await connectTemporalClient({ address: world.run.temporalAddress, namespace: 'default' });
    try {
      const history = JSON.stringify(await client.workflow.getHandle(workflowId).fetchHistory());
      expect(history).not.toContain('\\u0000');
    } finally {
      await connection.close();
    }
    // The same key is free again (the 400 kept nothing).
    const retried = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: { ...world.headers.staff_own_unit, 'idempotency-key': 'poison-1' }, body: { text: '改正后的进展' } });
    expect(retried.status).toBe(200);

    // A content the database refuses (a constraint raised by a trigger) fails the recording once, without retries.
    await world.db.query(`CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger AS $$
      BEGIN IF NEW.text = '数据库拒收的内容' THEN RAISE EXCEPTION 'refused by test' USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await world.db.query('CREATE TRIGGER refuse_poison BEFORE INSERT ON progress_reports FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
    try {
      const started = Date.now();
      const refused = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: world.headers.staff_own_unit, body: { text: '数据库拒收的内容' } });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: 'unprocessable', details: { rejection: 'recording_refused' } });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await world.db.query('DROP TRIGGER refuse_poison ON progress_reports');
      await world.db.query('DROP FUNCTION refuse_poison()');
    }
    const next = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: world.headers.staff_own_unit, body: { text: '下一次反馈' } });
    expect(next.status).toBe(200);
    const events = await eventsOf(own);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.map((event) => event.text)).not.toContain('数据库拒收的内容');
    expect(events.map((event) => event.text)).toContain('下一次反馈');
  });

  it('an Update nobody processes answers 503 with Retry-After in bounded time, and the same Idempotency-Key then acts once', async () => {
    await world.stopWorker();
    const key = 'while-the-worker-is-away';
    const body = { text: '工作进程停止期间提交的反馈' };
    try {
      const started = Date.now();
      const waiting = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: { ...world.headers.staff_own_unit, 'idempotency-key': key }, body });
      expect(waiting.status).toBe(503);
      expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(String(waiting.body.message)).toMatch(/秒内完成/);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      await world.startWorker();
    }
    const retried = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: { ...world.headers.staff_own_unit, 'idempotency-key': key }, body });
    expect(retried.status).toBe(200);
    const again = await call(world, 'POST', `/api/v1/assignments/${own}/actions/report`, { headers: { ...world.headers.staff_own_unit, 'idempotency-key': key }, body });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await eventsOf(own)).filter((event) => event.text === body.text)).toHaveLength(1);
  });
});
