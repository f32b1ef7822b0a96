import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { eventually } from '../support/duban-harness';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import { DESKTOP, newPage, signInThroughPage } from './support/browser';
import { act, assignmentRow, startConsoleWorld, type ConsoleWorld } from './support/console-world';

/**
 * Coordinator: approve one closure, return one with a reason, approve an extension,
 * hold a 约谈 the ladder proposed. Supervisor: the ledger filtered to one unit's red
 * items, exported, and 催办 on one of them.
 */
describe('web console: coordinator and supervisor', () => {
  let world: ConsoleWorld;
  const problems: string[] = [];
  const ids = { approve: '', reject: '', extend: '', talk: '', early: '' };

  async function signedIn(username: string, password: string): Promise<Page> {
    const opened = await newPage(world.browser, world.baseUrl, DESKTOP);
    opened.page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughPage(opened.page, username, password);
    return opened.page;
  }

  beforeAll(async () => {
    world = await startConsoleWorld('browser-oversight', '乙');
    const staff = await world.headersOf(world.staff.username, world.staff.password);
    ids.approve = await world.assignmentOf(world.onTimePlanId, world.staff.unit, 1);
    ids.reject = await world.assignmentOf(world.onTimePlanId, world.staff.unit, 2);
    ids.extend = await world.assignmentOf(world.onTimePlanId, world.staff.unit, 3);
    ids.talk = await world.assignmentOf(world.overduePlanId, world.otherUnit, 1);
    // Due in 2028 and never escalated: a 约谈 on it is an exception that needs its reason.
    ids.early = await world.assignmentOf(world.onTimePlanId, world.otherUnit, 2);
    for (const id of [ids.approve, ids.reject, ids.extend]) await act(world, staff, id, 'accept');
    await act(world, staff, ids.approve, 'request-closure', { summary: '任务一已完成' });
    await act(world, staff, ids.reject, 'request-closure', { summary: '任务二已完成' });
    await act(world, staff, ids.extend, 'request-extension', { newDueDate: '2028-06-30', reason: '资金下达推迟' });
    await eventually('the ladder to propose a 约谈 for the other unit', async () => {
      const [row] = await world.db.query("SELECT 1 FROM escalations WHERE assignment_id = $1 AND level = 'talk_proposed'", [ids.talk]);
      return row ? true : undefined;
    }, 60_000);
  });

  afterAll(async () => {
    await world?.stop();
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  it('coordinator: approves one closure, returns one with a reason, approves an extension and holds a 约谈', async () => {
    const page = await signedIn('coordinator', 'coordinator123');
    const closures = page.getByRole('list', { name: '办结待审核' });
    await closures.locator('li').filter({ hasText: `任务1：${world.taskPrefix}1` }).getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('dialog').getByLabel('审核意见').fill('材料齐全，同意销号');
    await page.getByRole('dialog').getByRole('button', { name: '通过并销号' }).click();
    await page.getByText('审核通过（销号）：已提交').waitFor();
    await assignmentRow(world, ids.approve, 'the approved closure', (row) => row.status === 'closed');

    await closures.locator('li').filter({ hasText: `任务2：${world.taskPrefix}2` }).getByRole('button', { name: '退回' }).click();
    const reject = page.getByRole('dialog');
    await reject.getByRole('button', { name: '退回' }).click();
    await reject.getByText('请填写退回理由').waitFor();
    await reject.getByLabel('退回理由').fill('缺少验收报告，请补充后重新申请');
    await reject.getByRole('button', { name: '退回' }).click();
    await page.getByText('退回办结申请：已提交').waitFor();
    await assignmentRow(world, ids.reject, 'the returned closure', (row) => row.status === 'in_progress' && row.closure_rejection_count === 1);

    const extensions = page.getByRole('list', { name: '延期待审批' });
    await extensions.locator('li').filter({ hasText: `任务3：${world.taskPrefix}3` }).getByText('申请由2027年12月31日延至2028年6月30日').waitFor();
    await extensions.locator('li').filter({ hasText: `任务3：${world.taskPrefix}3` }).getByRole('button', { name: '审批延期' }).click();
    await page.getByRole('dialog').getByText('批准延期').click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByText('审批延期：已提交').waitFor();
    await assignmentRow(world, ids.extend, 'the extension', (row) => String(row.due_date) === '2028-06-30');

    const talks = page.getByRole('list', { name: '约谈建议' });
    await talks.locator('li').filter({ hasText: `${world.overduePrefix}1` }).filter({ hasText: world.otherUnit }).getByRole('button', { name: '约谈' }).click();
    await page.getByRole('dialog').getByLabel('约谈事由').fill('任务逾期且经督办仍未办结');
    await page.getByRole('dialog').getByRole('button', { name: '发起约谈' }).click();
    await page.getByText('约谈：已提交').waitFor();
    await assignmentRow(world, ids.talk, 'the 约谈', (row) => row.talk_count === 1);
    // The held 约谈 leaves the proposals.
    await eventually('the proposal to leave the queue', async () => ((await talks.locator('li').filter({ hasText: `${world.overduePrefix}1` }).filter({ hasText: world.otherUnit }).count()) === 0 ? true : undefined));

    // A 约谈 before it is due: refused as not due, the dialog then asks for the exception's reason, and the record keeps it.
    await page.goto(`/assignments/${ids.early}`);
    await page.getByRole('button', { name: '约谈', exact: true }).click();
    const early = page.getByRole('dialog');
    await early.getByLabel('约谈事由').fill('群众投诉集中，进展明显滞后');
    expect(await early.getByLabel('破例约谈理由').count()).toBe(0);
    await early.getByRole('button', { name: '发起约谈' }).click();
    await early.getByText('该任务尚未达到约谈条件').waitFor();
    await early.getByText(/确需约谈须说明破例约谈的理由/).waitFor();
    await early.getByRole('button', { name: '发起约谈' }).click();
    await early.getByText('请填写破例约谈理由', { exact: true }).waitFor();
    await early.getByLabel('破例约谈理由').fill('市政府专题会议要求提前约谈');
    await early.getByRole('button', { name: '发起约谈' }).click();
    await page.getByText('约谈：已提交').waitFor();
    await assignmentRow(world, ids.early, 'the early 约谈', (row) => row.talk_count === 1);
    await page.getByText(/破例约谈理由：市政府专题会议要求提前约谈/).first().waitFor();
  });

  it("supervisor: filters the ledger to one unit's red items, exports them and urges one", async () => {
    const page = await signedIn('supervisor', 'supervisor123');
    await page.getByRole('link', { name: '任务台账' }).click();
    await page.getByRole('combobox', { name: '责任单位' }).fill(world.otherUnit);
    // The units load with the page: pick the option once it is there.
    await page.getByTitle(world.otherUnit, { exact: true }).click();
    await page.waitForURL(/unit=/);
    await page.getByRole('combobox', { name: '红黄绿灯' }).click();
    await page.getByTitle('红灯', { exact: true }).click();
    await page.waitForURL(/light=red/);
    // The filter names the unit by its directory id, which survives a rename.
    const [{ id: otherUnitId }] = (await world.db.query('SELECT id FROM units WHERE name = $1', [world.otherUnit])) as { id: string }[];
    expect(decodeURIComponent(page.url())).toContain(`unit=${otherUnitId}`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually('two red rows of the other unit', async () => ((await rows.count()) === 2 ? true : undefined));
    for (const row of await rows.all()) {
      expect(await row.textContent()).toContain(world.otherUnit);
      expect(await row.locator('[data-light="red"]').count()).toBe(1);
      // The light says why, with the deadline as Chinese readers write it.
      expect(await row.locator('[data-light="red"]').getAttribute('aria-label')).toMatch(/^红灯：已逾期\d+个工作日（办理期限\d{4}年\d{1,2}月\d{1,2}日）/);
    }

    // The export is the Excel 台账 of exactly these rows: read it back as a spreadsheet program would.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^任务台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['任务内容', '责任单位', '红黄绿灯', '完成时限']));
    const column = (title: string) => header.indexOf(title) + 1;
    expect(sheet.actualRowCount).toBe(3);
    const exported = [2, 3].map((n) => sheet.getRow(n));
    expect(exported.map((row) => row.getCell(column('责任单位')).value)).toEqual([world.otherUnit, world.otherUnit]);
    expect(exported.map((row) => row.getCell(column('红黄绿灯')).value)).toEqual(['红灯', '红灯']);
    expect(exported.map((row) => String(row.getCell(column('任务内容')).value)).sort()).toEqual([`${world.overduePrefix}1`, `${world.overduePrefix}2`]);
    await page.getByText('已导出2条（Excel）').waitFor();

    await rows.first().getByRole('link').click();
    await page.getByRole('button', { name: '催办 / 督办' }).click();
    await page.getByRole('dialog').getByLabel('催办说明').fill('请于三个工作日内报送进展');
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByText('催办 / 督办：已提交').waitFor();
    const id = page.url().split('/assignments/')[1]!;
    await eventually('the supervisor’s 催办 on record', async () => {
      const [row] = await world.db.query("SELECT reason FROM escalations WHERE assignment_id = $1 AND source = 'supervisor'", [id]);
      return row?.reason === '请于三个工作日内报送进展' ? true : undefined;
    });
    await page.getByText('请于三个工作日内报送进展').first().waitFor();
  });

  it('supervisor: pages a plan through the ledger, 下一页 by cursor, a jump back by page number', async () => {
    // 45 closed read-model rows of a plan of their own (the ledger reads the read model only; closed rows give the
    // worker's record repair nothing to look at), due one day apart: page 2 is rows 21–40 in due-date order.
    const planId = await insertSyntheticPlan(world.db, 1, 1);
    await world.db.query(
      `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, status, light,
                                start_date, original_due_date, due_date, due_at, state, version, workflow_started)
       SELECT gen_random_uuid(), $1::text || '/' || i, 'paging-' || $1::text || '-' || i, $1::uuid, 'task', 1,
              '翻页任务' || lpad(i::text, 2, '0'), '翻页测试局', 'lead', 'closed', 'neutral',
              DATE '2026-01-01', d, d, d + TIME '10:00', '{}'::jsonb, 1, true
         FROM generate_series(1, 45) AS i, LATERAL (SELECT (DATE '2027-01-01' + i)::date AS d) due`,
      [planId],
    );
    const titles = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `翻页任务${String(from + k).padStart(2, '0')}`);
    const page = await signedIn('supervisor', 'supervisor123');
    await page.goto(`${world.baseUrl}/ledger?planId=${planId}&sort=dueDate`);
    const shown = async () => page.locator('.ant-table-tbody tr.ant-table-row .ledger-task').allTextContents();
    await eventually('page 1', async () => (JSON.stringify(await shown()) === JSON.stringify(titles(1, 20)) ? true : undefined));

    await page.getByTitle('下一页').click();
    await page.waitForURL(/after=/);
    await eventually('page 2 by cursor', async () => (JSON.stringify(await shown()) === JSON.stringify(titles(21, 40)) ? true : undefined));
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');

    await page.getByTitle('下一页').click();
    await eventually('page 3 by cursor', async () => (JSON.stringify(await shown()) === JSON.stringify(titles(41, 45)) ? true : undefined));

    // A jump to a page by its number goes by offset: the cursor of another page is dropped.
    await page.getByTitle('1', { exact: true }).click();
    await eventually('page 1 again', async () => (JSON.stringify(await shown()) === JSON.stringify(titles(1, 20)) ? true : undefined));
    expect(page.url()).not.toContain('after=');
  });
});
