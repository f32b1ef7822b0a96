import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { imageOnlyPdf, textPdf } from './seed-documents';

/**
 * `duban parse` as users run it: the swc-compiled CommonJS CLI on Node, reading a PDF
 * (pdfjs-dist, an ES module, loaded in its worker), printing Plan JSON with page numbers,
 * the --explain view, and a Chinese refusal for a scanned PDF.
 */
const run = promisify(execFile);
const root = join(__dirname, '../..');
const cli = (...args: string[]) => run(process.execPath, [join(root, 'tools/bootstrap/cli.mjs'), 'parse', ...args], { cwd: root, maxBuffer: 32 * 1024 * 1024 });

describe('duban parse (compiled CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a PDF: tasks, units and page numbers in the JSON', async () => {
    const text = '某市推进数字政府建设行动方案（2024—2026年）\n二、重点任务\n1.建设政务云平台。2025年底前建成。（牵头单位：市政务服务局；配合单位：市财政局）\n2.推进数据共享。年内完成目录编制。（责任单位：市大数据局）\n';
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, (await textPdf(text)).bytes);
    const { stdout } = await cli(file, '--format', 'json');
    const plan = JSON.parse(stdout);
    expect(plan.tasks.map((t: { title: string; lead: string[] }) => [t.title, t.lead])).toEqual([
      ['建设政务云平台', ['市政务服务局']],
      ['推进数据共享', ['市大数据局']],
    ]);
    expect(plan.tasks[0].sourceRange.page).toBe(1);
    expect(plan.tasks[0].deadlines[0].due).toBe('2025-12-31');
  }, 120000);

  it('--explain says why each task, clause and deadline was taken', async () => {
    const { stdout } = await cli(join(root, 'tests/fixtures/plans/constructed-binjiang-elderly-care/document.txt'), '--explain');
    expect(stdout).toContain('任务 （一）建设街道综合养老服务中心');
    expect(stdout).toContain('为何是任务：');
    expect(stdout).toMatch(/条款（任务末尾）：市民政局、市自然资源和规划局/);
    expect(stdout).toMatch(/期限 2024-12-31（相对期限）：年内新增老年助餐点50个/);
  }, 120000);

  it('refuses a scanned PDF in Chinese with exit code 2', async () => {
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, await imageOnlyPdf());
    const err = (await cli(file).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/需先进行 OCR 文字识别/);
  }, 120000);
});
