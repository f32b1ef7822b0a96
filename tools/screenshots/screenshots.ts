/**
 * `npm run screenshots`: every page of the web console at desktop and 390-px phone
 * width, as each demo user sees it, into tmp/screenshots/ (git-ignored). Runs its
 * own throwaway stack (Temporal dev server, database, worker, API serving dist/web),
 * publishes the seed plans and plays a few actions so queues are not empty.
 * `--only <name>` keeps the shots whose file name contains it.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startLocalStack } from '../local-stack';
import { DESKTOP, launchBrowser, newPage, PHONE, signInThroughPage } from '../../tests/browser/support/browser';

const OUT = join(__dirname, '../../tmp/screenshots');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

interface Shot {
  readonly name: string;
  readonly path: string | ((api: Api) => Promise<string>);
  /** Waits for the page's content before the picture. */
  readonly ready?: (page: Page) => Promise<unknown>;
  /** Opens what the picture is of (a dialog, a form) once the page is ready. */
  readonly open?: (page: Page) => Promise<unknown>;
}

type Api = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

async function apiAs(baseUrl: string, username: string, password: string): Promise<Api> {
  const login = (await (await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).json()) as { accessToken: string };
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { method, headers: { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}

const settle = (page: Page) => page.waitForLoadState('networkidle').catch(() => undefined);

async function shoot(browser: Browser, baseUrl: string, user: { username: string; password: string } | null, role: string, shots: readonly Shot[], api: Api | null): Promise<void> {
  for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    const wanted = shots.filter((shot) => !only || `${role}-${shot.name}-${width}`.includes(only));
    if (!wanted.length) continue;
    const { context, page, problems } = await newPage(browser, baseUrl, viewport);
    if (user) await signInThroughPage(page, user.username, user.password);
    for (const shot of wanted) {
      const path = typeof shot.path === 'string' ? shot.path : await shot.path(api!);
      await page.goto(path);
      await settle(page);
      await shot.ready?.(page);
      await shot.open?.(page);
      await page.waitForTimeout(400);
      const file = join(OUT, `${role}-${shot.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      process.stderr.write(`  ${file}\n`);
    }
    if (problems.errors.length) process.stderr.write(`  page errors for ${role} (${width}):\n    ${problems.errors.join('\n    ')}\n`);
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  process.stderr.write('screenshots: starting a throwaway stack…\n');
  const stack = await startLocalStack('screens');
  process.env.LOGIN_RATE_LIMIT = '10000';
  const { createApiApp } = await import('../../apps/api/src/create-api-app');
  const { SeedService } = await import('@duban/services');
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const { browser, close } = await launchBrowser();
  try {
    process.stderr.write('screenshots: publishing the seed plans…\n');
    await app.get(SeedService).seedLocalDemo({ publish: true });
    // Until every plan being published is (a seed plan the gate refuses stays a draft: nothing to wait for).
    for (let waited = 0; waited < 300; waited += 2) {
      const [{ total, started }] = await stack.db.query('SELECT count(*)::int AS total, count(*) FILTER (WHERE workflow_started)::int AS started FROM assignments');
      const [{ publishing }] = await stack.db.query("SELECT count(*)::int AS publishing FROM plans WHERE status = 'publishing'");
      if (total > 0 && total === started && publishing === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }

    // A little history, so queues and timelines have something to show.
    const weijian = await apiAs(baseUrl, 'weijian', 'weijian123');
    const coordinator = await apiAs(baseUrl, 'coordinator', 'coordinator123');
    const supervisor = await apiAs(baseUrl, 'supervisor', 'supervisor123');
    const admin = await apiAs(baseUrl, 'admin', 'admin123');
    const mine = ((await weijian('GET', '/assignments?status=pending_acceptance&limit=8')).items as { id: string }[]).map((item) => item.id);
    for (const id of mine.slice(0, 6)) await weijian('POST', `/assignments/${id}/actions/accept`, {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // An uploaded 佐证材料 file beside a link, as the report form sends them.
    const upload = new FormData();
    upload.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')], { type: 'application/pdf' }), '基层调研报告.pdf');
    const staffToken = ((await (await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'weijian', password: 'weijian123' }) })).json()) as { accessToken: string }).accessToken;
    const stored = (await (await fetch(`${baseUrl}/api/v1/assignments/${mine[0]}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${staffToken}` }, body: upload })).json()) as { id: string };
    await weijian('POST', `/assignments/${mine[0]}/actions/report`, {
      percent: 40,
      text: '已制定工作方案，完成基层调研12次。',
      evidenceLinks: ['https://www.example.gov.cn/wjw/2026/fangan.pdf'],
      evidence: [{ kind: 'file', fileId: stored.id }],
    });
    // An assignment with quantified targets, so the report form asks for actuals.
    const me = await weijian('GET', '/auth/me');
    const [withTargets] = (await stack.db.query("SELECT id, status FROM assignments WHERE (unit_id::text = ANY($1::text[]) OR unit_name = ANY($1::text[])) AND targets::text <> '[]' AND status IN ('pending_acceptance', 'in_progress') ORDER BY task_number LIMIT 1", [me.unitIds])) as { id: string; status: string }[];
    if (withTargets?.status === 'pending_acceptance') await weijian('POST', `/assignments/${withTargets.id}/actions/accept`, {});
    await weijian('POST', `/assignments/${mine[1]}/actions/report`, { percent: 85, text: '平台主体功能已上线，正在组织区县试运行。' });
    await weijian('POST', `/assignments/${mine[1]}/actions/request-closure`, { summary: '平台已全面上线，覆盖全市10个区县。', evidenceLinks: ['https://www.example.gov.cn/wjw/2026/yanshou.pdf'] });
    await weijian('POST', `/assignments/${mine[2]}/actions/request-closure`, { summary: '已完成年度目标。' });
    await coordinator('POST', `/assignments/${mine[2]}/actions/reject-closure`, { reason: '佐证材料不足，请补充验收报告。' });
    const dueOf3 = String((await weijian('GET', `/assignments/${mine[3]}`)).dueDate);
    const later = new Date(Date.parse(`${dueOf3}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    await weijian('POST', `/assignments/${mine[3]}/actions/request-extension`, { newDueDate: later, reason: '上级资金下达推迟，设备采购顺延。' });
    await supervisor('POST', `/assignments/${mine[4]}/actions/urge`, { level: 'supervise', note: '请于本周内报送进展。' });
    const draft = (await admin('GET', '/plans?status=published&limit=1')).items as { id: string }[];
    // A draft to review: a task without a date in a plan without a period and a body the directory does not know,
    // so the publish gate has reasons to show and the unit-mapping step a row to map.
    const form = new FormData();
    const document = ['南通市“数字政务”专项工作方案', '', '一、重点任务', '1．建设统一受理平台。2026年底前完成平台上线。（责任单位：市卫健委、市发改委、市养老服务工作专班）', '2．开展基层试点，逐步扩大覆盖面。（牵头单位：市发改委；配合单位：市财政局、各县（市、区）政府）', '二、保障措施', '实行半年通报、年度考核，对推进不力的单位进行约谈。', ''].join('\n');
    form.append('file', new Blob([document], { type: 'text/plain' }), 'digital-government.txt');
    const login = (await (await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin123' }) })).json()) as { accessToken: string };
    const imported = (await (await fetch(`${baseUrl}/api/v1/plans`, { method: 'POST', headers: { authorization: `Bearer ${login.accessToken}` }, body: form })).json()) as { planId: string };
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const detailOf = (id: string) => `/assignments/${id}`;
    const anyPlan = async () => `/plans/${draft[0]?.id ?? ''}`;
    const tabContent = (page: Page) => page.locator('.ant-tabs, .ant-card').first().waitFor();
    process.stderr.write(`screenshots: taking pictures into ${OUT}\n`);
    await shoot(browser, baseUrl, null, 'anonymous', [{ name: 'login', path: '/login' }], null);
    await shoot(browser, baseUrl, { username: 'weijian', password: 'weijian123' }, 'unit-staff', [
      { name: 'workbench', path: '/', ready: tabContent },
      { name: 'ledger', path: '/ledger' },
      { name: 'assignment', path: detailOf(mine[1]!) },
      { name: 'assignment-returned', path: detailOf(mine[2]!) },
      { name: 'assignment-evidence', path: detailOf(mine[0]!), ready: (page) => page.getByText('基层调研报告.pdf').first().waitFor() },
      {
        name: 'report-form',
        path: detailOf(withTargets?.id ?? mine[0]!),
        ready: (page) => page.getByRole('button', { name: '进展反馈', exact: true }).first().waitFor(),
        open: async (page) => {
          await page.getByRole('button', { name: '进展反馈', exact: true }).first().click();
          await page.getByRole('dialog').getByText('进展情况').waitFor();
        },
      },
      { name: 'inbox', path: '/inbox' },
      { name: 'password', path: '/account/password' },
    ], weijian);
    await shoot(browser, baseUrl, { username: 'supervisor', password: 'supervisor123' }, 'supervisor', [
      { name: 'workbench', path: '/' },
      { name: 'dashboard', path: '/dashboard', ready: (page) => page.locator('canvas').first().waitFor() },
      { name: 'ledger-red', path: '/ledger?light=red&sort=dueDate' },
      { name: 'bulletins', path: '/bulletins' },
      { name: 'talks', path: '/talks' },
      { name: 'assignment', path: detailOf(mine[4]!) },
    ], supervisor);
    await shoot(browser, baseUrl, { username: 'coordinator', password: 'coordinator123' }, 'coordinator', [
      { name: 'workbench', path: '/' },
      { name: 'plans', path: '/plans' },
      { name: 'assignment-closure', path: detailOf(mine[1]!) },
      { name: 'inbox', path: '/inbox' },
      { name: 'bulletins', path: '/bulletins' },
      { name: 'assessments', path: '/assessments' },
      { name: 'talks', path: '/talks' },
      {
        name: 'talk-dialog',
        path: detailOf(mine[5]!),
        ready: (page) => page.getByRole('button', { name: '约谈', exact: true }).waitFor(),
        open: (page) => page.getByRole('button', { name: '约谈', exact: true }).click(),
      },
    ], coordinator);
    await shoot(browser, baseUrl, { username: 'admin', password: 'admin123' }, 'admin', [
      { name: 'workbench', path: '/' },
      { name: 'plans', path: '/plans' },
      { name: 'plan', path: anyPlan },
      { name: 'plan-draft', path: `/plans/${imported.planId}`, ready: (page) => page.getByText('市养老服务工作专班').first().waitFor() },
      { name: 'units', path: '/admin/units' },
      { name: 'users', path: '/admin/users' },
      { name: 'channels', path: '/admin/channels' },
      { name: 'audit-log', path: '/admin/audit-log' },
      { name: 'not-found', path: '/no-such-page' },
    ], admin);
  } finally {
    await close();
    await app.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
