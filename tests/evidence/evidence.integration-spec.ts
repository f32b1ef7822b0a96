import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { bearer, createTestUser, signIn } from '../api-auth/auth-helpers';
import { call } from '../api/api-world';
import { eventually, openDatabase, startApi, startWorker, useTestEnvironment } from '../support/duban-harness';
import { insertSyntheticPlan } from '../support/synthetic-plan';

/**
 * 佐证材料 uploads and actuals against targets, on real PostgreSQL, Redis and Temporal, the
 * API over HTTP and the local-disk store in a folder of this test's own.
 */

const UNIT = '证据测试1局';
const OTHER = '证据测试2局';
const MAX_BYTES = 256 * 1024;

// The rollout stores a breakdown table's cells on the assignment as { table, region, metric, year, value }
// (libs/domain rollout: TargetDraft); these are the 滨江 elderly-care plan's cells for 滨北区
// (tests/fixtures/plans/constructed-binjiang-elderly-care), 2 metrics × 3 years.
const TABLE = '滨江市养老服务设施建设任务分解表';
const TARGETS = [2024, 2025, 2026].flatMap((year, index) => [
  { table: TABLE, region: '滨北区', metric: '新增街道综合养老服务中心（个）', year, value: [3, 2, 1][index] },
  { table: TABLE, region: '滨北区', metric: '新增家庭养老床位（张）', year, value: [400, 350, 250][index] },
]);

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`, 'latin1');
}

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence files and actuals against targets', () => {
  let run: ReturnType<typeof useTestEnvironment>;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let storageDir: string;
  let staff: Record<string, string>;
  let otherStaff: Record<string, string>;
  let coordinator: Record<string, string>;
  let supervisor: Record<string, string>;
  let assignmentId: string;
  let secondAssignmentId: string;
  let otherAssignmentId: string;
  const world = { baseUrl: '' };

  async function upload(id: string, bytes: Buffer, fileName: string, headers: Record<string, string> = staff) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    return call(world, 'POST', `/api/v1/assignments/${id}/evidence`, { headers, body: form });
  }

  const staffUsernames: Record<string, string> = {};
  async function signInAs(unit: string): Promise<Record<string, string>> {
    const username = `evidence-${randomUUID().slice(0, 8)}`;
    staffUsernames[unit] = username;
    await createTestUser(db, { username, displayName: `${unit}经办人`, role: 'unit_staff', unitIds: [unit], password: 'evidence-password-1' });
    return bearer((await signIn(world.baseUrl, username, 'evidence-password-1')).accessToken);
  }

  beforeAll(async () => {
    run = useTestEnvironment('evidence');
    storageDir = await mkdtemp(join(tmpdir(), 'duban-evidence-test-'));
    process.env.STORAGE_DRIVER = 'local';
    process.env.STORAGE_LOCAL_DIR = storageDir;
    process.env.EVIDENCE_MAX_BYTES = String(MAX_BYTES);
    process.env.LOGIN_RATE_LIMIT = '10000';
    worker = await startWorker(run);
    api = await startApi();
    world.baseUrl = api.baseUrl;
    db = await openDatabase(run);
    await seedDemoUsers(db);
    staff = await signInAs(UNIT);
    otherStaff = await signInAs(OTHER);
    coordinator = bearer((await signIn(api.baseUrl, 'coordinator', 'coordinator123')).accessToken);
    supervisor = bearer((await signIn(api.baseUrl, 'supervisor', 'supervisor123')).accessToken);

    const planId = await insertSyntheticPlan(db, 2, 2, {}, '证据测试');
    const published = await call(world, 'POST', `/api/v1/plans/${planId}/publish`, { headers: bearer((await signIn(api.baseUrl, 'admin', 'admin123')).accessToken), body: {} });
    expect(published.status).toBe(202);
    await eventually('the 4 assignment workflows', async () => {
      const [{ n }] = await db.query('SELECT count(*) FILTER (WHERE workflow_started)::int AS n FROM assignments WHERE plan_id = $1', [planId]);
      return n === 4 ? true : undefined;
    }, 90_000);
    const idOf = async (unit: string, task: number) => ((await db.query('SELECT id FROM assignments WHERE plan_id = $1 AND unit_name = $2 AND task_number = $3', [planId, unit, task])) as { id: string }[])[0]!.id;
    assignmentId = await idOf(UNIT, 1);
    secondAssignmentId = await idOf(UNIT, 2);
    otherAssignmentId = await idOf(OTHER, 1);
    // The synthetic plan has no breakdown table: task 1 gets the 滨北区 cells as the rollout writes them.
    await db.query('UPDATE assignments SET targets = $2::jsonb WHERE id = $1', [assignmentId, JSON.stringify(TARGETS)]);
    for (const id of [assignmentId, secondAssignmentId]) {
      const accepted = await call(world, 'POST', `/api/v1/assignments/${id}/actions/accept`, { headers: staff, body: {} });
      expect(accepted.status).toBe(200);
    }
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
    delete process.env.STORAGE_LOCAL_DIR;
    delete process.env.EVIDENCE_MAX_BYTES;
  });

  const uploaded: Record<string, { id: string; bytes: Buffer }> = {};

  it('uploads a PDF with a Chinese name, an image and a Word document: 201, type by content, size and sha256', async () => {
    const report = pdf('report');
    const answer = await upload(assignmentId, report, '2025年上半年进展报告.pdf');
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fileName: '2025年上半年进展报告.pdf',
      contentType: 'application/pdf',
      size: report.length,
      sha256: sha256(report),
      createdAt: expect.any(String),
    });
    uploaded.pdf = { id: answer.body.id as string, bytes: report };

    // A picture whose name claims something else is stored as what it is.
    const image = await upload(assignmentId, PNG_1X1, '现场照片.jpg');
    expect(image.status).toBe(201);
    expect(image.body).toMatchObject({ contentType: 'image/png', fileName: '现场照片.jpg.png', size: PNG_1X1.length, sha256: sha256(PNG_1X1) });
    uploaded.png = { id: image.body.id as string, bytes: PNG_1X1 };

    const word = await docx();
    const document = await upload(assignmentId, word, '../../台账说明.docx');
    expect(document.status).toBe(201);
    expect(document.body).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: '台账说明.docx' });
    uploaded.docx = { id: document.body.id as string, bytes: word };
  });

  it('downloads within read scope, byte for byte, with an RFC 5987 Chinese file name; another unit’s staff get 404', async () => {
    const response = await fetch(`${world.baseUrl}/api/v1/evidence/${uploaded.pdf!.id}`, { headers: supervisor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="2025????????.pdf"; filename*=UTF-8''${encodeURIComponent('2025年上半年进展报告.pdf')}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(uploaded.pdf!.bytes)).toBe(true);

    const own = await fetch(`${world.baseUrl}/api/v1/evidence/${uploaded.png!.id}`, { headers: staff });
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG_1X1)).toBe(true);

    const other = await call(world, 'GET', `/api/v1/evidence/${uploaded.pdf!.id}`, { headers: otherStaff });
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(UNIT);
    expect((await call(world, 'GET', `/api/v1/evidence/${randomUUID()}`, { headers: supervisor })).status).toBe(404);
    expect((await call(world, 'GET', '/api/v1/evidence/..%2F..%2Fetc%2Fpasswd', { headers: supervisor })).status).toBe(404);
  });

  it('refuses an .exe renamed .pdf and a plain zip with 415 (Chinese), storing nothing', async () => {
    const before = await readdir(join(storageDir, 'evidence', assignmentId));
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(2048, 0x41)]);
    const answer = await upload(assignmentId, exe, '工作总结.pdf');
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ statusCode: 415, error: 'unsupported_media_type', details: { reason: 'evidence_type_unsupported' } });
    expect(String(answer.body.message)).toContain('不支持该文件类型');

    const zip = new JSZip();
    zip.file('notes.txt', 'not an office document');
    expect((await upload(assignmentId, await zip.generateAsync({ type: 'nodebuffer' }), '材料.docx')).status).toBe(415);
    expect((await upload(assignmentId, Buffer.from('纯文本'), '说明.txt')).status).toBe(415);
    expect(await readdir(join(storageDir, 'evidence', assignmentId))).toEqual(before);
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 (Chinese), whether the declared length gives it away or not', async () => {
    const exactly = Buffer.concat([pdf('cap'), Buffer.alloc(MAX_BYTES - pdf('cap').length, 0x20)]);
    expect((await upload(assignmentId, exactly, '恰好上限.pdf')).status).toBe(201);

    const over = Buffer.concat([exactly, Buffer.from(' ')]);
    const answer = await upload(assignmentId, over, '超大文件.pdf');
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ statusCode: 413, error: 'payload_too_large', code: 'evidence_too_large', details: { reason: 'evidence_too_large', maxBytes: MAX_BYTES } });
    expect(String(answer.body.message)).toBe('文件过大：佐证材料单个文件不能超过 256 KB');

    const farOver = await upload(assignmentId, Buffer.concat([exactly, Buffer.alloc(MAX_BYTES)]), '更大文件.pdf');
    expect(farOver.status).toBe(413);
    // No temporary file is left behind by refused uploads.
    expect((await readdir(tmpdir())).filter((name) => name.startsWith('duban-evidence-') && name.endsWith('.upload'))).toEqual([]);
  });

  it('lets only the holder unit’s staff upload: 403 for supervisors and coordinators, 404 for another unit’s staff', async () => {
    for (const headers of [coordinator, supervisor]) {
      const answer = await upload(assignmentId, pdf('x'), 'a.pdf', headers);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ statusCode: 403, details: { reason: 'evidence_wrong_unit' } });
      expect(String(answer.body.message)).toContain('只有承办单位的经办人可以上传佐证材料');
    }
    expect((await upload(assignmentId, pdf('x'), 'a.pdf', otherStaff)).status).toBe(404);
    expect((await upload(otherAssignmentId, pdf('x'), 'a.pdf', staff)).status).toBe(404);
    const missingField = new FormData();
    missingField.append('attachment', new Blob([pdf('x')]), 'a.pdf');
    expect((await call(world, 'POST', `/api/v1/assignments/${assignmentId}/evidence`, { headers: staff, body: missingField })).status).toBe(400);
  });

  it('records a report with files, a link and actuals; GET shows each target with its latest actual', async () => {
    const report = await call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/report`, {
      headers: staff,
      body: {
        percent: 40,
        text: '上半年新增家庭养老床位380张，街道综合养老服务中心建成2个',
        evidence: [
          { kind: 'file', fileId: uploaded.pdf!.id },
          { kind: 'file', fileId: uploaded.png!.id },
          { kind: 'url', url: 'https://www.binjiang.gov.cn/mzj/2025/0630.html' },
        ],
        actuals: [
          { metric: '新增家庭养老床位（张）', year: 2024, value: 380, unit: '张' },
          { metric: '新增街道综合养老服务中心（个）', year: 2024, value: 2 },
        ],
      },
    });
    expect(report.status).toBe(200);

    const later = await call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/report`, {
      headers: staff,
      body: { text: '床位数更正', actuals: [{ metric: '新增家庭养老床位(张)', year: 2024, value: 400 }] },
    });
    expect(later.status).toBe(200);

    const detail = await call(world, 'GET', `/api/v1/assignments/${assignmentId}`, { headers: coordinator });
    expect(detail.status).toBe(200);
    const targets = detail.body.targets as unknown as Record<string, unknown>[];
    expect(targets).toHaveLength(6);
    expect(targets[0]).toEqual({ metric: '新增街道综合养老服务中心（个）', unit: '个', year: 2024, region: '滨北区', target: 3, actual: 2 });
    expect(targets[1]).toEqual({ metric: '新增家庭养老床位（张）', unit: '张', year: 2024, region: '滨北区', target: 400, actual: 400 });
    expect(targets[3]).toEqual({ metric: '新增家庭养老床位（张）', unit: '张', year: 2025, region: '滨北区', target: 350 });

    const reports = detail.body.progressReports as unknown as Record<string, unknown>[];
    expect(reports).toHaveLength(2);
    expect(reports[0]!.evidence).toEqual([
      { kind: 'file', fileId: uploaded.pdf!.id, fileName: '2025年上半年进展报告.pdf', contentType: 'application/pdf', size: uploaded.pdf!.bytes.length, sha256: sha256(uploaded.pdf!.bytes) },
      { kind: 'file', fileId: uploaded.png!.id, fileName: '现场照片.jpg.png', contentType: 'image/png', size: PNG_1X1.length, sha256: sha256(PNG_1X1) },
      { kind: 'url', url: 'https://www.binjiang.gov.cn/mzj/2025/0630.html' },
    ]);
    expect(reports[0]!.evidenceLinks).toEqual(['https://www.binjiang.gov.cn/mzj/2025/0630.html']);
    expect(reports[0]!.actuals).toEqual([
      { metric: '新增家庭养老床位（张）', year: 2024, region: '滨北区', value: 380 },
      { metric: '新增街道综合养老服务中心（个）', year: 2024, region: '滨北区', value: 2 },
    ]);
    // The event log (the audit trail) carries the same.
    const events = detail.body.events as unknown as { type: string; payload: Record<string, unknown> }[];
    expect(events.filter((event) => event.type === 'progress_reported')[0]!.payload.actuals).toEqual(reports[0]!.actuals);
  });

  it('refuses (422, Chinese, nothing recorded) an actual that is not a target, a wrong unit, a file of another assignment, a script link', async () => {
    const countReports = async () => ((await db.query('SELECT count(*)::int AS n FROM progress_reports WHERE assignment_id = $1', [assignmentId])) as { n: number }[])[0]!.n;
    const before = await countReports();
    const report = (body: Record<string, unknown>) => call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/report`, { headers: staff, body: { text: '反馈', ...body } });

    const notATarget = await report({ actuals: [{ metric: '新增家庭养老床位（张）', year: 2027, value: 1 }] });
    expect(notATarget.status).toBe(422);
    expect(notATarget.body).toMatchObject({ statusCode: 422, details: { reason: 'actual_not_a_target' } });
    expect(String(notATarget.body.message)).toContain('不是本任务的分解目标');
    expect((await report({ actuals: [{ metric: '新增养老机构（家）', year: 2024, value: 1 }] })).body).toMatchObject({ statusCode: 422, details: { reason: 'actual_not_a_target' } });
    expect((await report({ actuals: [{ metric: '新增家庭养老床位（张）', year: 2024, value: 1, unit: '万张' }] })).body).toMatchObject({ statusCode: 422, details: { reason: 'actual_unit_mismatch' } });
    expect((await report({ actuals: [{ metric: '新增家庭养老床位（张）', year: 2024, value: '380' }] })).status).toBe(400);

    const elsewhere = await upload(secondAssignmentId, pdf('task 2'), '任务二材料.pdf');
    expect(elsewhere.status).toBe(201);
    const foreignFile = await report({ evidence: [{ kind: 'file', fileId: elsewhere.body.id }] });
    expect(foreignFile.status).toBe(422);
    expect(foreignFile.body).toMatchObject({ details: { reason: 'evidence_not_found' } });
    expect((await report({ evidence: [{ kind: 'file', fileId: randomUUID() }] })).status).toBe(422);
    expect((await report({ evidence: [{ kind: 'url', url: 'javascript:alert(1)' }] })).status).toBe(422);
    expect((await report({ evidence: [{ kind: 'url', url: `https://a.cn/${'x'.repeat(2001)}` }] })).status).toBe(400);

    // Another assignment without targets: any actual is refused.
    const second = await call(world, 'POST', `/api/v1/assignments/${secondAssignmentId}/actions/report`, {
      headers: staff,
      body: { text: '反馈', actuals: [{ metric: '新增家庭养老床位（张）', year: 2024, value: 1 }] },
    });
    expect(second.body).toMatchObject({ statusCode: 422, details: { reason: 'actual_not_a_target' } });
    // A supervisor's report is refused for the role (403) before its content is looked at.
    expect((await call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/report`, { headers: supervisor, body: { text: 'x', actuals: [{ metric: 'x', year: 2024, value: 1 }] } })).status).toBe(403);
    expect(await countReports()).toBe(before);
  });

  it('keeps the files across a restart of the API and the worker: downloads and reports still use them', async () => {
    await api.stop();
    await worker.stop();
    worker = await startWorker(run);
    api = await startApi();
    world.baseUrl = api.baseUrl;
    // Without JWT_SECRET (tests) each API start signs with a key of its own: sign in again.
    staff = bearer((await signIn(world.baseUrl, staffUsernames[UNIT]!, 'evidence-password-1')).accessToken);
    coordinator = bearer((await signIn(api.baseUrl, 'coordinator', 'coordinator123')).accessToken);

    const response = await fetch(`${world.baseUrl}/api/v1/evidence/${uploaded.docx!.id}`, { headers: coordinator });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(uploaded.docx!.bytes)).toBe(true);

    const report = await call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/report`, {
      headers: staff,
      body: { text: '重启后补充台账说明', evidence: [{ kind: 'file', fileId: uploaded.docx!.id }], actuals: [{ metric: '新增家庭养老床位（张）', year: 2025, value: 120 }] },
    });
    expect(report.status).toBe(200);
    const detail = await call(world, 'GET', `/api/v1/assignments/${assignmentId}`, { headers: staff });
    const reports = detail.body.progressReports as unknown as { evidence: { fileId?: string }[] }[];
    expect(reports.at(-1)!.evidence).toEqual([expect.objectContaining({ kind: 'file', fileId: uploaded.docx!.id, fileName: '台账说明.docx' })]);
    expect((detail.body.targets as unknown as Record<string, unknown>[])[3]).toMatchObject({ year: 2025, metric: '新增家庭养老床位（张）', target: 350, actual: 120 });
  });

  it('lets a unit’s staff scoped by directory id (as the demo users are) upload and report with the file', async () => {
    const [{ unit_id: unitId }] = (await db.query('SELECT unit_id::text AS unit_id FROM assignments WHERE id = $1', [secondAssignmentId])) as { unit_id: string }[];
    expect(unitId).toMatch(/^[0-9a-f-]{36}$/);
    const username = `evidence-id-${randomUUID().slice(0, 8)}`;
    await createTestUser(db, { username, displayName: '按单位编号的经办人', role: 'unit_staff', unitIds: [unitId], password: 'evidence-password-1' });
    const byId = bearer((await signIn(world.baseUrl, username, 'evidence-password-1')).accessToken);
    const file = await upload(secondAssignmentId, pdf('by-id'), '按编号上传.pdf', byId);
    expect(file.status).toBe(201);
    const report = await call(world, 'POST', `/api/v1/assignments/${secondAssignmentId}/actions/report`, {
      headers: byId,
      body: { percent: 30, text: '按单位编号登录后的反馈', evidence: [{ kind: 'file', fileId: (file.body as { id: string }).id }] },
    });
    expect(report.status).toBe(200);
    await eventually('the report in the read model', async () => {
      const [{ n }] = await db.query("SELECT count(*)::int AS n FROM progress_reports WHERE assignment_id = $1 AND text = '按单位编号登录后的反馈'", [secondAssignmentId]);
      return n === 1 ? true : undefined;
    });
  });
});
