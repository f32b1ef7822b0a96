import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  decodePlanDocument,
  directoryForText,
  loadUnitDirectories,
  parsePlanText,
  Plan,
  PlanParseError,
  UnitDirectory,
} from '@duban/plan-parser';
import { newTable } from '../output/table';

/**
 * `duban parse FILE [--format json|table] [--explain]`: action plan (.txt/.md, .docx, .pdf)
 * → Plan JSON or a task table; --explain prints why each task, clause and deadline was
 * taken. Warnings go to stderr; unusable input gives one line "duban parse: <reason>" and
 * exit code 2. City unit directories are read from seeds/directories when present.
 */
type Format = 'json' | 'table';

function loadDirectories(): UnitDirectory[] {
  return loadUnitDirectories(resolve(process.cwd(), 'seeds/directories'));
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function where(r: { start: number; end: number; page?: number } | undefined): string {
  if (!r) return '';
  return r.page ? `第${r.page}页 ${r.start}–${r.end}` : `${r.start}–${r.end}`;
}

/** Why each task, clause and deadline was taken (Chinese, for coordinators checking a draft). */
export function renderExplanation(plan: Plan): string {
  const out: string[] = [];
  out.push(`标题：${plan.title ?? '（未识别）'}${plan.docNumber ? `  ${plan.docNumber}` : ''}`);
  if (plan.defaultImplementers.length) out.push(`全部任务的落实单位：${plan.defaultImplementers.join('、')}`);
  for (const t of plan.tasks) {
    out.push('');
    out.push(`任务 ${t.label}${t.title}  〔置信度 ${t.confidence ?? '-'}，位置 ${where(t.sourceRange)}${t.section ? `，所属 ${t.section}` : ''}〕`);
    out.push(`  为何是任务：${t.reason ?? ''}`);
    for (const c of t.clauses ?? []) {
      out.push(`  条款${c.trailing ? '（任务末尾）' : ''}：${c.raw}`);
      out.push(`    依据：${c.reason}；牵头：${c.lead.join('、') || '—'}；单位：${c.unitsResolved.join('、') || '—'}  〔${where(c.sourceRange)}〕`);
    }
    if (!(t.clauses ?? []).length) out.push(`  条款：无${t.mentionedUnits?.length ? `（文中提及：${t.mentionedUnits.join('、')}）` : ''}`);
    for (const d of t.deadlines) out.push(`  期限 ${d.due}${d.relative ? '（相对期限）' : ''}：${d.text}  — ${d.reason ?? ''}  〔${where(d.sourceRange)}〕`);
    for (const r of t.recurring) out.push(`  周期（${r.every}）：${r.text}`);
  }
  return `${out.join('\n')}\n`;
}

function renderTable(plan: Plan): string {
  const table = newTable({ head: ['编号', '任务', '牵头', '责任单位', '期限'], wordWrap: true, colWidths: [6, 30, 16, 30, 14] });
  for (const t of plan.tasks) {
    const units = t.unitsResolved.length ? t.unitsResolved : (t.mentionedUnits ?? []);
    table.push([t.label, shorten(t.title, 60), t.lead.join('、'), shorten(units.join('、'), 80), t.deadlines.map((d) => d.due).join('\n')]);
  }
  const head = [plan.title ?? '(无标题)', [plan.docNumber, plan.issuer, plan.period ? `${plan.period.from}—${plan.period.to}` : null].filter(Boolean).join('  ')]
    .filter(Boolean)
    .join('\n');
  return `${head}\n${table.toString()}\n`;
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse <file>')
    .description('parse an action plan (txt/md in UTF-8 or GB18030, .docx or .pdf) into tasks, units and deadlines')
    .option('--format <format>', 'json | table', 'table')
    .option('--explain', 'print why each task, clause and deadline was taken')
    .action(async (file: string, opts: { format: string; explain?: boolean }) => {
      const format = opts.format as Format;
      if (format !== 'json' && format !== 'table') {
        process.stderr.write(`duban parse: unknown --format "${opts.format}" (json|table)\n`);
        process.exitCode = 2;
        return;
      }
      try {
        let bytes: Buffer;
        try {
          if (statSync(file).isDirectory()) throw new Error(`${file} is a directory`);
          bytes = readFileSync(file);
        } catch (e) {
          throw new PlanParseError('unreadable', e instanceof Error ? e.message : String(e));
        }
        const { text, pageStarts } = await decodePlanDocument(bytes, file);
        let directory: UnitDirectory | undefined;
        try {
          directory = directoryForText(text, loadDirectories());
        } catch {
          directory = undefined; // directories are optional
        }
        const plan = parsePlanText(text, { document: basename(file), directory, pageStarts });
        if (opts.explain && format !== 'json') process.stdout.write(renderExplanation(plan));
        else process.stdout.write(format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : renderTable(plan));
        for (const w of plan.warnings) {
          process.stderr.write(`warning [${w.code}]${w.taskNumber !== undefined ? ` #${w.taskNumber}` : ''}: ${w.message}\n`);
        }
      } catch (e) {
        const reason = e instanceof PlanParseError || (e instanceof Error && e.name === 'PlanParseError') ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
        process.stderr.write(`duban parse: ${reason.split('\n')[0]}\n`);
        process.exitCode = 2;
      }
    });
}
