import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { newPage, PHONE, signInThroughPage } from './support/browser';
import { act, assignmentRow, startConsoleWorld, type ConsoleWorld } from './support/console-world';

/** A small but real PDF: the evidence API decides the type by content, not by the name. */
const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A unit's staff on a 390-px phone: sign in → 签收 → 反馈 with an uploaded file → 申请办结; and user text never runs as code. */
describe('web console: unit staff on a phone', () => {
  let world: ConsoleWorld;
  let page: Page;
  let problems: { errors: string[] };

  beforeAll(async () => {
    world = await startConsoleWorld('browser-staff', '甲');
    ({ page, problems } = await newPage(world.browser, world.baseUrl, PHONE));
  });

  afterAll(async () => {
    await world?.stop();
  });

  afterEach(() => {
    expect(problems.errors).toEqual([]);
  });

  it('shows the sign-in page at / and refuses a wrong password in Chinese', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill(world.staff.username);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
  });

  it('accepts a task from the workbench, reports progress with an uploaded evidence file and a link, and requests closure', async () => {
    const id = await world.assignmentOf(world.onTimePlanId, world.staff.unit, 1);
    await signInThroughPage(page, world.staff.username, world.staff.password);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    // 待签收: three tasks of the on-time plan and two of the overdue one, 签收 one click away.
    const card = page.locator('.assignment-card').filter({ hasText: `任务1：${world.taskPrefix}1` });
    await card.getByRole('button', { name: '签收' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认签收' }).click();
    await page.getByText('签收：已提交').waitFor();
    await assignmentRow(world, id, 'the assignment to be accepted', (row) => row.status === 'in_progress');

    // 待反馈 → 反馈进展, with an evidence link; a bad link is refused in the form.
    await page.getByRole('tab', { name: /待反馈/ }).click();
    const inProgress = page.locator('.assignment-card').filter({ hasText: `任务1：${world.taskPrefix}1` });
    await inProgress.getByRole('button', { name: '反馈进展' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('完成进度（%）').fill('60');
    await dialog.getByLabel('进展情况').fill('已完成平台部署，正在试运行');
    await dialog.getByRole('button', { name: '添加链接' }).click();
    await dialog.getByLabel('佐证材料链接1').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请填写以 http:// 或 https:// 开头的链接').waitFor();
    await dialog.getByLabel('佐证材料链接1').fill('https://example.gov.cn/evidence/platform.pdf');
    // The file is uploaded as soon as it is picked (the phone's file chooser), then the report names it.
    await dialog.locator('input[type=file]').setInputFiles({ name: '平台试运行报告.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await dialog.locator('.ant-upload-list-item-done').filter({ hasText: '平台试运行报告.pdf' }).waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('进展反馈：已提交').waitFor();
    await assignmentRow(world, id, 'the report to reach the read model', (row) => row.percent === 60);
    const [report] = (await world.db.query('SELECT evidence FROM progress_reports WHERE assignment_id = $1 ORDER BY seq DESC LIMIT 1', [id])) as { evidence: { kind: string; fileName?: string }[] }[];
    expect(report?.evidence.filter((item) => item.kind === 'file').map((item) => item.fileName)).toEqual(['平台试运行报告.pdf']);

    // The detail page shows the report with its file (downloaded as uploaded) and its link, then 申请办结.
    await page.goto(`/assignments/${id}`);
    await page.getByRole('link', { name: 'https://example.gov.cn/evidence/platform.pdf' }).waitFor();
    const [evidence] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /平台试运行报告\.pdf/ }).click()]);
    expect(evidence.suggestedFilename()).toBe('平台试运行报告.pdf');
    expect(readFileSync(await evidence.path()).equals(EVIDENCE_PDF)).toBe(true);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: '申请办结' }).click();
    await page.getByRole('dialog').getByLabel('办结情况说明').fill('平台已上线运行，覆盖全市');
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByText('申请办结：已提交').waitFor();
    await assignmentRow(world, id, 'the closure request', (row) => row.status === 'closure_requested');
    await page.getByText('申请办结', { exact: true }).first().waitFor();
  });

  it('renders hostile report text as text and never turns a script link into a link', async () => {
    const id = await world.assignmentOf(world.onTimePlanId, world.staff.unit, 2);
    const headers = await world.headersOf(world.staff.username, world.staff.password);
    await act(world, headers, id, 'accept');
    // The API refuses a script link outright…
    const refused = await fetch(`${world.baseUrl}/api/v1/assignments/${id}/actions/report`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ percent: 5, text: '进展', evidenceLinks: ['javascript:window.__owned=2'] }),
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { message: string }).message).toContain('佐证材料链接须以 http:// 或 https:// 开头');
    await act(world, headers, id, 'report', { percent: 10, text: '<img src=x onerror="window.__owned=1">进展', evidenceLinks: ['https://example.gov.cn/ok'] });
    await assignmentRow(world, id, 'the hostile report', (row) => row.percent === 10);
    // …and the console stays safe with one stored before that rule existed.
    await world.db.query('UPDATE progress_reports SET evidence_links = $2 WHERE assignment_id = $1', [id, ['javascript:window.__owned=2', 'https://example.gov.cn/ok']]);
    await page.goto(`/assignments/${id}`);
    await page.getByText('<img src=x onerror="window.__owned=1">进展', { exact: true }).waitFor();
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.getByText('javascript:window.__owned=2').count()).toBe(1);
    expect(await page.evaluate<unknown>('window.__owned')).toBeUndefined();
  });

  it('signs out cleanly: the session is gone and the pages ask to sign in again', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByText('退出登录').click();
    await page.waitForURL('**/login');
    expect(await page.evaluate<string | null>("localStorage.getItem('duban.session')")).toBeNull();
    await page.goto('/inbox');
    await page.waitForURL(/\/login\?next=%2Finbox/);
  });

  it('works from the keyboard alone: sign in, skip to the content, open a queue', async () => {
    await page.goto('/login');
    // The page focuses the username field itself once it has rendered: type only then (no keystroke lost on a slow machine).
    await page.waitForFunction("document.activeElement?.getAttribute('autocomplete') === 'username'");
    await page.keyboard.type(world.staff.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(world.staff.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /工作台/ }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('main');
    // Tab on to the 待反馈 queue and open it with Enter.
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate<string | undefined>('document.activeElement?.textContent'))?.startsWith('待反馈')) break;
    }
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: /待反馈/ }).getAttribute('aria-selected')).toBe('true');
  });
});
