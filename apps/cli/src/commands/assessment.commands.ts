import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { parseCliActor } from '../cli-actor';
import { newTable } from '../output/table';
import { withServices } from '../services-context';

/** `duban assessment run|show|confirm|export`: the 年度考核 from the command line. */
export function registerAssessmentCommands(program: Command): void {
  const assessment = program.command('assessment').description('annual assessments (年度考核): run, show, confirm, export');

  assessment
    .command('run <planId> <year>')
    .description('score, grade and rank every unit of a plan for a year and propose sanctions (re-running replaces an unconfirmed one)')
    .option('--as <actor>', 'act as (default admin)')
    .option('--wait', 'wait for the draft')
    .action(async (planId: string, year: string, options: { as?: string; wait?: boolean }) => {
      await withServices(async (app) => {
        const { AssessmentService } = await import('@duban/services');
        const service = app.get(AssessmentService);
        const actor = parseCliActor(options.as);
        const { id } = await service.run({ planId, year: Number(year) }, actor);
        console.log(id);
        if (!options.wait) return;
        const deadline = Date.now() + 30 * 60_000;
        while (Date.now() < deadline) {
          const view = await service.get(id, actor);
          if (view.status !== 'drafting') {
            console.log(`${view.year}年度考核：${view.statusLabel}，${view.lines.length}个单位，拟处理${view.sanctions.length}项`);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        throw new Error('考核在30分钟内未生成完毕');
      });
    });

  assessment
    .command('show <id>')
    .description('the assessment: each unit’s group, score, grade and rank (with --details, every score line), and the sanctions')
    .option('--format <format>', 'json or table', 'table')
    .option('--details', 'list every score line with its event')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, options: { format: string; details?: boolean; as?: string }) => {
      await withServices(async (app) => {
        const { AssessmentService } = await import('@duban/services');
        const view = await app.get(AssessmentService).get(id, parseCliActor(options.as));
        if (options.format === 'json') {
          console.log(JSON.stringify(view, null, 2));
          return;
        }
        console.log(`${view.planTitle} ${view.year}年度考核（${view.statusLabel}，截至${view.asOf}）`);
        const table = newTable({ head: ['类别', '排名', '单位', '得分', '等级'] });
        for (const line of view.lines) table.push([line.groupLabel, line.rank, line.unitName, line.score, line.gradeLabel]);
        console.log(table.toString());
        if (options.details) {
          for (const line of view.lines) {
            console.log(`\n${line.unitName}：${line.score}分`);
            for (const item of line.items) console.log(`  ${item.points > 0 ? '+' : ''}${item.points}  ${item.reason}${item.eventRef ? `  [${item.eventRef}]` : ''}`);
          }
        }
        if (view.sanctions.length) {
          const sanctions = newTable({ head: ['id', '单位', '处理', '依据', '状态', '理由'] });
          for (const sanction of view.sanctions) sanctions.push([sanction.id, sanction.unitName, sanction.kindLabel, sanction.rule, sanction.statusLabel, sanction.reason ?? '']);
          console.log(sanctions.toString());
        }
      });
    });

  assessment
    .command('confirm <id>')
    .description('with --sanction: confirm (or --waive, with --reason) one proposed sanction; without: confirm the assessment (every sanction decided first)')
    .option('--sanction <sanctionId>', 'the sanction to decide')
    .option('--waive', 'waive the sanction instead of confirming it (needs --reason)')
    .option('--reason <text>', 'the reason (required to waive)')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, options: { sanction?: string; waive?: boolean; reason?: string; as?: string }) => {
      await withServices(async (app) => {
        const { AssessmentService } = await import('@duban/services');
        const service = app.get(AssessmentService);
        const actor = parseCliActor(options.as);
        if (options.sanction) {
          const decided = await service.decideSanction(id, options.sanction, options.waive ? 'waive' : 'confirm', options.reason, actor);
          console.log(`${decided.unitName}：${decided.kindLabel}（${decided.statusLabel}${decided.reason ? `，${decided.reason}` : ''}）`);
          return;
        }
        if (options.waive) throw new Error('免予处理须指定 --sanction');
        const view = await service.confirm(id, actor);
        console.log(`${view.year}年度考核：${view.statusLabel}`);
      });
    });

  assessment
    .command('export <id> <file>')
    .description('the assessment table as .xlsx')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, file: string, options: { as?: string }) => {
      await withServices(async (app) => {
        const { ReviewExportService } = await import('@duban/services');
        const table = await app.get(ReviewExportService).assessmentXlsx(id, parseCliActor(options.as));
        const output = createWriteStream(file);
        const count = await table.write(output);
        await finished(output);
        console.log(`已导出${count}个单位：${file}`);
      });
    });
}
