import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { organisationId, PlanEntity, type JsonObject } from '@duban/persistence';
import { AssessmentService, ReviewExportService, type AssessmentView } from '@duban/services';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { SYNTHETIC_JURISDICTION_ID } from '../support/synthetic-plan';
import type { TestRun } from '../support/test-run';

const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'test-coordinator' };
const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'test-supervisor' };

const YEAR = 2025;

/**
 * 年度考核 over a scripted year (2025, assessed as of 2025-12-31) on real Temporal and Postgres. The year is
 * written as data — the directory (departments and district governments), the plan's assignments in the states
 * the year left them, published and unpublished bulletins' 通报, and 约谈 records — because the assessment reads
 * only the record; the workflow, activities, service and export run for real. Every expected score, grade, rank
 * and sanction below is computed by hand from the default rubric:
 *   base 100; +1 per task closed on time; −2 per task closed late; −3 per task open past its due date;
 *   −3 per 通报; −5 per 约谈 held; 配合 (support) tasks × 0.5; grades 优秀 ≥95, 良好 ≥85, 一般 ≥70, else 较差;
 *   ranks within 市级部门 / 区县政府 (1, 2, 2, 4); ≥2 约谈 or 较差 → 取消年终评优资格 proposed.
 */
describe('assessment workflow (年度考核)', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  let assessments: AssessmentService;
  let planId: string;
  const prefix = `考核${Date.now() % 100000}`;
  const name = (short: string) => `${prefix}${short}`;
  const units: Record<string, { id: string; name: string; kind: string }> = {};
  const assignmentIds: Record<string, string> = {};

  async function unit(key: string, short: string, kind: 'department' | 'district_government'): Promise<void> {
    const id = organisationId(`unit:合成市/${name(short)}`);
    await db.query('INSERT INTO units (id, jurisdiction_id, kind, name, short_name) VALUES ($1, $2, $3, $4, NULL) ON CONFLICT DO NOTHING', [id, SYNTHETIC_JURISDICTION_ID, kind, name(short)]);
    units[key] = { id, name: name(short), kind };
  }

  /** One assignment as the year left it (status, due date, 办结 date). */
  async function assignment(key: string, unitKey: string, task: number, responsibility: 'lead' | 'support', status: string, dueDate: string, completedDate: string | null = null): Promise<void> {
    const id = randomUUID();
    const owner = units[unitKey]!;
    const state = { key: id, unitId: owner.id, responsibility, status, dueDate, completedDate, startDate: '2025-01-01' };
    await db.query(
      `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_id, unit_name, responsibility, status, light,
         start_date, original_due_date, due_date, due_at, state)
       VALUES ($1, $2, $3, $4, 'task', $5, $6, $7, $8, $9, $10, 'neutral', '2025-01-01', $11, $11, $11::date + interval '16 hours', $12)`,
      [id, `assessment-test:${id}`, `assignment:assessment-test:${id}`, planId, task, `考核任务${task}`, owner.id, owner.name, responsibility, status, dueDate, JSON.stringify(state)],
    );
    assignmentIds[key] = id;
  }

  async function bulletin(asOf: string, status: 'published' | 'draft', named: readonly string[]): Promise<void> {
    const id = randomUUID();
    await db.query("INSERT INTO review_bulletins (id, plan_id, kind, as_of, status, workflow_id, title) VALUES ($1, $2, 'half_year', $3, $4, $5, $6)", [id, planId, asOf, status, `bulletin-test:${id}`, `截至${asOf}的通报`]);
    for (const key of named) {
      const assignmentId = assignmentIds[key]!;
      const [row] = (await db.query('SELECT unit_id, unit_name FROM assignments WHERE id = $1', [assignmentId])) as { unit_id: string; unit_name: string }[];
      await db.query('INSERT INTO review_notices (bulletin_id, assignment_id, plan_id, unit_id, unit_name) VALUES ($1, $2, $3, $4, $5)', [id, assignmentId, planId, row!.unit_id, row!.unit_name]);
    }
  }

  async function talk(unitKey: string, assignmentKey: string | null, status: string, heldAt: string | null): Promise<void> {
    const owner = units[unitKey]!;
    await db.query("INSERT INTO talks (plan_id, assignment_id, unit_id, unit_name, source, status, reason, held_at) VALUES ($1, $2, $3, $4, 'manual', $5, '逾期未整改', $6)", [
      planId,
      assignmentKey ? assignmentIds[assignmentKey]! : null,
      owner.id,
      owner.name,
      status,
      heldAt,
    ]);
  }

  beforeAll(async () => {
    run = useTestEnvironment('assessment');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
    assessments = services.get(AssessmentService);
    await db.query("INSERT INTO jurisdictions (id, code, name, level, parent_id) VALUES ($1, NULL, '合成市', 'city', NULL) ON CONFLICT DO NOTHING", [SYNTHETIC_JURISDICTION_ID]);
    const plan = db.getRepository(PlanEntity).create({
      sourceHash: `assessment-${randomUUID()}`,
      documentName: 'assessment.txt',
      title: `${prefix}考核测试方案`,
      docNumber: null,
      issuer: null,
      periodFrom: 2025,
      periodTo: 2026,
      status: 'published',
      taskCount: 14,
      parsed: { tasks: [] } as unknown as JsonObject,
      warnings: [],
      // The plan publishes rankings: confirming tells each unit its score and place.
      settings: { review: { publishRankings: true } } as unknown as JsonObject,
      jurisdictionId: SYNTHETIC_JURISDICTION_ID,
    });
    planId = (await db.getRepository(PlanEntity).save(plan)).id;

    await unit('A', '甲局', 'department');
    await unit('B', '乙局', 'department');
    await unit('C', '丙局', 'department');
    await unit('E', '东区', 'district_government');
    await unit('W', '西区', 'district_government');
    await unit('S', '南区', 'district_government');

    // 甲局: task 1 (lead) closed 06-20, due 06-30: on time +1. Task 3 (support) open, due 03-31: overdue −3×0.5 = −1.5.
    //       Task 6 (lead) closed 2024-11-30: another year, nothing.                                       → 99.5 优秀
    await assignment('A1', 'A', 1, 'lead', 'closed', '2025-06-30', '2025-06-20');
    await assignment('A3', 'A', 3, 'support', 'in_progress', '2025-03-31');
    await assignment('A6', 'A', 6, 'lead', 'closed', '2025-05-31', '2024-11-30');
    // 乙局: task 1 (support) closed 07-15, due 06-30: late −2×0.5 = −1. Task 2 (lead) open, due 09-30: −3.
    //       通报 on task 1 (support) in the published 06-30 bulletin: −3×0.5 = −1.5. One 约谈 held (rectification
    //       reported) on task 2 (lead): −5.                                        100 −1 −3 −1.5 −5 = 89.5 良好
    await assignment('B1', 'B', 1, 'support', 'closed', '2025-06-30', '2025-07-15');
    await assignment('B2', 'B', 2, 'lead', 'in_progress', '2025-09-30');
    // 丙局: task 2 (support) closed 09-01, due 09-30: +1×0.5 = +0.5. Task 3 (lead) closed 05-10, due 03-31: −2.
    //       Task 8 (lead) closed 11-28, due 11-30: +1. A 约谈 only proposed and one held in 2024: nothing.
    //                                                                              100 +0.5 −2 +1 = 99.5 优秀
    await assignment('C2', 'C', 2, 'support', 'closed', '2025-09-30', '2025-09-01');
    await assignment('C3', 'C', 3, 'lead', 'closed', '2025-03-31', '2025-05-10');
    await assignment('C8', 'C', 8, 'lead', 'closed', '2025-11-30', '2025-11-28');
    // 东区: task 4 (lead) closed 10-30, due 10-31: +1. Task 5 (lead) due 2026-06-30: not yet due, nothing. → 101 优秀
    await assignment('E4', 'E', 4, 'lead', 'closed', '2025-10-31', '2025-10-30');
    await assignment('E5', 'E', 5, 'lead', 'in_progress', '2026-06-30');
    // 西区: task 4 (lead) open, due 10-31: −3. Task 5 (support) not yet due. Task 7 (lead) due 12-15 closed only on
    //       2026-01-10 — still open at 12-31: −3. 通报 on task 4 in the published 12-31 bulletin: −3 (the same
    //       task named by an unpublished draft counts nothing). Two 约谈 held (held; verified): −10.
    //                                                            100 −3 −3 −3 −10 = 81 一般; ≥2 约谈 → sanction
    await assignment('W4', 'W', 4, 'lead', 'in_progress', '2025-10-31');
    await assignment('W5', 'W', 5, 'support', 'pending_acceptance', '2026-06-30');
    await assignment('W7', 'W', 7, 'lead', 'closed', '2025-12-15', '2026-01-10');
    // 南区: task 4 (lead) closed 11-20, due 10-31: −2. Task 6 withdrawn: nothing. Tasks 9–14 (lead) open, due 04-30:
    //       6 × −3 = −18. 通报 on tasks 9 and 10 (06-30 bulletin): −6 (a 2024 bulletin's 通报: nothing). 约谈
    //       escalated, held 2025-12-31 23:00 Shanghai: −5 (one held 2026-01-01 00:30 Shanghai, the same UTC day,
    //       is next year's).                                    100 −2 −18 −6 −5 = 69 较差 → sanction
    await assignment('S4', 'S', 4, 'lead', 'closed', '2025-10-31', '2025-11-20');
    await assignment('S6', 'S', 6, 'lead', 'withdrawn', '2025-05-31');
    for (let task = 9; task <= 14; task++) await assignment(`S${task}`, 'S', task, 'lead', 'in_progress', '2025-04-30');

    await bulletin('2024-12-31', 'published', ['S9']);
    await bulletin('2025-06-30', 'published', ['B1', 'S9', 'S10']);
    await bulletin('2025-12-31', 'published', ['W4']);
    await bulletin('2025-09-30', 'draft', ['W4']);
    await talk('B', 'B2', 'rectification_reported', '2025-10-20T02:00:00Z');
    await talk('C', 'C3', 'proposed', null);
    await talk('C', null, 'held', '2024-12-20T02:00:00Z');
    await talk('W', 'W4', 'held', '2025-08-10T02:00:00Z');
    await talk('W', null, 'verified', '2025-11-05T02:00:00Z');
    await talk('S', 'S4', 'escalated', '2025-12-31T15:00:00Z');
    await talk('S', null, 'held', '2025-12-31T16:30:00Z');
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  async function draftOf(id: string, notSanctionIds: readonly string[] = []): Promise<AssessmentView> {
    return eventually('the assessment draft', async () => {
      const view = await assessments.get(id, supervisor);
      return view.status === 'draft' && !view.sanctions.some((sanction) => notSanctionIds.includes(sanction.id)) ? view : undefined;
    }, 120_000);
  }

  const table = (view: AssessmentView) => view.lines.map((line) => [line.unitName, line.groupLabel, line.score, line.gradeLabel, line.rank]);

  it('scores, grades, ranks and proposes sanctions as computed by hand; re-running replaces the draft; decisions; confirmation freezes it; the .xlsx reads back', async () => {
    // Only coordinators run; the year must be a past or current year.
    await expect(assessments.run({ planId, year: YEAR }, supervisor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assessments.run({ planId, year: 2999 }, coordinator)).rejects.toMatchObject({ code: 'invalid_input' });

    const { id } = await assessments.run({ planId, year: YEAR }, coordinator);
    const first = await draftOf(id);
    expect(first.asOf).toBe('2025-12-31');
    // Lines by group (市级部门 then 区县政府), rank, name; 丙局 and 甲局 tie at 99.5 (both 1st; 乙局 3rd).
    expect(table(first)).toEqual([
      [name('丙局'), '市级部门', 99.5, '优秀', 1],
      [name('甲局'), '市级部门', 99.5, '优秀', 1],
      [name('乙局'), '市级部门', 89.5, '良好', 3],
      [name('东区'), '区县政府', 101, '优秀', 1],
      [name('西区'), '区县政府', 81, '一般', 2],
      [name('南区'), '区县政府', 69, '较差', 3],
    ]);
    // Every score line names its event; they add up to the score.
    const lineOf = (view: AssessmentView, key: string) => view.lines.find((line) => line.unitId === units[key]!.id)!;
    const b = lineOf(first, 'B');
    expect(b.items.map((item) => [item.points, item.eventRef?.split(':')[0] ?? null])).toEqual([
      [100, null],
      [-1, 'assignment'],
      [-3, 'assignment'],
      [-1.5, 'notice'],
      [-5, 'talk'],
    ]);
    expect(b.items[1]!.eventRef).toBe(`assignment:${assignmentIds.B1}`);
    expect(b.items[1]!.reason).toBe('任务1逾期办结（2025年7月15日，期限2025年6月30日）（配合，按0.5倍计）');
    expect(b.items[3]!.reason).toBe('任务1被通报（截至2025-06-30的通报）（配合，按0.5倍计）');
    for (const line of first.lines) expect(line.items.reduce((sum, item) => sum + item.points, 0)).toBeCloseTo(line.score, 9);
    expect(lineOf(first, 'W').items.filter((item) => item.code === 'open_overdue').map((item) => item.eventRef)).toEqual([`assignment:${assignmentIds.W4}`, `assignment:${assignmentIds.W7}`]);
    expect(lineOf(first, 'S').counts).toEqual({ onTime: 0, late: 1, openOverdue: 6, bulletins: 2, talks: 1 });
    expect(first.sanctions.map((sanction) => [sanction.unitName, sanction.kindLabel, sanction.rule, sanction.status])).toEqual([
      [name('南区'), '取消年终评优资格', '考核等次为较差', 'proposed'],
      [name('西区'), '取消年终评优资格', '年内被约谈2次及以上（被约谈2次）', 'proposed'],
    ]);
    // The rubric used is frozen with the assessment.
    expect(first.rubric).toMatchObject({ baseScore: 100, talkPoints: 5, supportWeight: 0.5 });

    // Re-running before any decision replaces the draft: a 约谈 held with 东区 since then costs it 5 (101 → 96, still 1st).
    await talk('E', 'E4', 'held', '2025-09-01T02:00:00Z');
    const again = await assessments.run({ planId, year: YEAR }, coordinator);
    expect(again.id).toBe(id);
    const second = await draftOf(id, first.sanctions.map((sanction) => sanction.id));
    expect(table(second)[3]).toEqual([name('东区'), '区县政府', 96, '优秀', 1]);
    expect(second.lines).toHaveLength(6);
    expect(second.sanctions).toHaveLength(2);
    const [{ count: assessmentsOfYear }] = await db.query('SELECT count(*)::int AS count FROM assessments WHERE plan_id = $1 AND year = $2', [planId, YEAR]);
    expect(assessmentsOfYear).toBe(1);

    const west = second.sanctions.find((sanction) => sanction.unitId === units.W!.id)!;
    const south = second.sanctions.find((sanction) => sanction.unitId === units.S!.id)!;
    // Waiving needs a reason; confirming the assessment waits for every decision.
    await expect(assessments.decideSanction(id, west.id, 'waive', '  ', coordinator)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(assessments.decideSanction(id, west.id, 'waive', '已整改', supervisor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assessments.confirm(id, coordinator)).rejects.toMatchObject({ code: 'conflict', message: '尚有2项拟处理事项未确认或免予，不能确认考核结果' });

    const waived = await assessments.decideSanction(id, west.id, 'waive', '约谈后已整改到位，经研究免予处理', coordinator);
    expect(waived).toMatchObject({ status: 'waived', statusLabel: '已免予', reason: '约谈后已整改到位，经研究免予处理', decidedBy: 'test-coordinator' });
    await expect(assessments.decideSanction(id, west.id, 'confirm', undefined, coordinator)).rejects.toMatchObject({ code: 'conflict' });
    // A decided sanction means the assessment can no longer be re-run.
    await expect(assessments.run({ planId, year: YEAR }, coordinator)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'assessment_confirmed' } });

    const confirmed = await assessments.decideSanction(id, south.id, 'confirm', undefined, coordinator);
    expect(confirmed).toMatchObject({ status: 'confirmed', statusLabel: '已确认', reason: null });
    await expect(assessments.decideSanction(id, south.id, 'confirm', undefined, coordinator)).rejects.toMatchObject({ code: 'conflict' });
    // The unit is notified once (one outbox row; delivered to its inbox once).
    const notices = (await db.query("SELECT recipient, title, body FROM outbox_messages WHERE kind = 'assessment.sanction.confirmed' AND payload->>'assessmentId' = $1", [id])) as { recipient: string; title: string; body: string }[];
    // Addressed by the unit's directory id (the name is for display).
    expect(notices).toEqual([{ recipient: units.S!.id, title: '2025年度考核处理决定：取消年终评优资格', body: expect.stringContaining('依据：考核等次为较差') }]);
    await eventually('the sanction notice in the unit inbox', async () => {
      const [{ count }] = await db.query("SELECT count(*)::int AS count FROM inbox_messages WHERE recipient = $1 AND kind = 'assessment.sanction.confirmed'", [units.S!.id]);
      return count === 1 ? true : undefined;
    }, 60_000);

    // Confirm the assessment: frozen; rankings published (one notice per unit, with its place in its group).
    const final = await assessments.confirm(id, coordinator);
    expect(final.status).toBe('confirmed');
    await expect(assessments.confirm(id, coordinator)).rejects.toMatchObject({ code: 'conflict' });
    const rankings = (await db.query("SELECT recipient, body FROM outbox_messages WHERE kind = 'assessment.ranking' AND payload->>'assessmentId' = $1 ORDER BY recipient", [id])) as { recipient: string; body: string }[];
    expect(rankings).toHaveLength(6);
    expect(rankings.find((row) => row.recipient === units.W!.id)!.body).toContain('得分81分，等次一般，在区县政府中排名第2（共3个单位）');

    // Later events never change a confirmed assessment; re-running it is refused.
    await talk('A', 'A1', 'held', '2025-12-01T02:00:00Z');
    await expect(assessments.run({ planId, year: YEAR }, coordinator)).rejects.toMatchObject({ code: 'conflict' });
    const after = await assessments.get(id, supervisor);
    expect(table(after)).toEqual(table(second));
    expect(after.sanctions.map((sanction) => [sanction.unitName, sanction.status, sanction.reason])).toEqual([
      [name('南区'), 'confirmed', null],
      [name('西区'), 'waived', '约谈后已整改到位，经研究免予处理'],
    ]);

    // The exported table, read back.
    const exported = await services.get(ReviewExportService).assessmentXlsx(id, supervisor);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await exported.write(output)).toBe(6);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考核结果')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = [1, 2, 3, 4, 5, 6, 7].map((index) => (sheet.getRow(index).values as unknown[]).slice(1));
    expect(rows[0]).toEqual(['序号', '单位', '类别', '得分', '等级', '排名', '扣分/加分明细', '处理']);
    expect(rows.slice(1).map((row) => row.slice(0, 6))).toEqual([
      [1, name('丙局'), '市级部门', 99.5, '优秀', 1],
      [2, name('甲局'), '市级部门', 99.5, '优秀', 1],
      [3, name('乙局'), '市级部门', 89.5, '良好', 3],
      [4, name('东区'), '区县政府', 96, '优秀', 1],
      [5, name('西区'), '区县政府', 81, '一般', 2],
      [6, name('南区'), '区县政府', 69, '较差', 3],
    ]);
    expect(rows[1]![6]).toBe('任务2按时办结（2025年9月1日，期限2025年9月30日）（配合，按0.5倍计） +0.5\n任务3逾期办结（2025年5月10日，期限2025年3月31日） -2\n任务8按时办结（2025年11月28日，期限2025年11月30日） +1');
    expect(rows[5]![7]).toBe('取消年终评优资格（已免予：约谈后已整改到位，经研究免予处理）');
    expect(rows[6]![7]).toBe('取消年终评优资格（已确认）');
  });
});
