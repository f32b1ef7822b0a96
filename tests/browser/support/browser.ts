import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium (the bootstrap installs it); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.DUBAN_CHROMIUM ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1366, height: 900 } as const;
/** The unit-staff pages must work on a 390-px-wide phone. */
export const PHONE = { width: 390, height: 844 } as const;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Headless Chromium with a fresh profile of its own (a new user-data-dir each
 * launch, removed on close), so no state leaks between runs.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: npm test installs it (apt-get install chromium fonts-noto-cjk), or set DUBAN_CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'duban-chromium-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, `--disk-cache-dir=${join(profile, 'cache')}`] });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Uncaught page errors and console errors: a page that throws fails its test. */
export interface PageProblems {
  readonly errors: string[];
}

/** A new context (its own storage: one signed-in user) in Chinese, Beijing time, at `viewport`. */
export async function newPage(browser: Browser, baseUrl: string, viewport: { width: number; height: number } = DESKTOP): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`page error: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    // A refused request shows up as a console error too; the tests assert on what the page shows instead.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.errors.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Signs in through the sign-in page and waits for the workbench. */
export async function signInThroughPage(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: /工作台/ }).waitFor();
}
