import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { parseCliActor } from '../cli-actor';
import { withServices } from '../services-context';

/** `duban bulletin run|show|publish|export`: the 半年通报 (or an on-demand bulletin) from the command line. */
export function registerBulletinCommands(program: Command): void {
  const bulletin = program.command('bulletin').description('bulletins (通报): run, show, publish, export');

  bulletin
    .command('run <planId> <asOf>')
    .description('freeze the snapshot and draft the bulletin of a plan as of a date (re-running replaces an unpublished draft)')
    .option('--kind <kind>', 'half_year or on_demand', 'on_demand')
    .option('--as <actor>', 'act as (default admin)')
    .option('--wait', 'wait for the draft')
    .action(async (planId: string, asOf: string, options: { kind: 'half_year' | 'on_demand'; as?: string; wait?: boolean }) => {
      await withServices(async (app) => {
        const { BulletinService } = await import('@duban/services');
        const service = app.get(BulletinService);
        const actor = parseCliActor(options.as);
        const { id } = await service.run({ planId, asOf, kind: options.kind }, actor);
        console.log(id);
        if (!options.wait) return;
        const deadline = Date.now() + 30 * 60_000;
        while (Date.now() < deadline) {
          const view = await service.get(id, actor);
          if (view.status !== 'drafting') {
            console.log(`${view.statusLabel}：${view.title}`);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        throw new Error('通报在30分钟内未生成完毕');
      });
    });

  bulletin
    .command('show <id>')
    .description('the bulletin: status, counts and its text')
    .option('--format <format>', 'json or text', 'text')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, options: { format: string; as?: string }) => {
      await withServices(async (app) => {
        const { BulletinService } = await import('@duban/services');
        const view = await app.get(BulletinService).get(id, parseCliActor(options.as));
        if (options.format === 'json') {
          console.log(JSON.stringify(view, null, 2));
          return;
        }
        console.log(`${view.title}（${view.statusLabel}，截至${view.asOf}）`);
        console.log(view.text);
      });
    });

  bulletin
    .command('publish <id>')
    .description('publish: notify the named units and record their 通报')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, options: { as?: string }) => {
      await withServices(async (app) => {
        const { BulletinService } = await import('@duban/services');
        const result = await app.get(BulletinService).publish(id, parseCliActor(options.as));
        console.log(`已发布：通知${result.unitsNotified}个单位，记录通报${result.noticesRecorded}项`);
      });
    });

  bulletin
    .command('export <id>')
    .description('write the bulletin text (.docx) or its annex table (.xlsx, streamed) to a file')
    .option('--format <format>', 'docx or xlsx', 'docx')
    .option('-o, --output <file>', 'the file to write (default: the bulletin title)')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, options: { format: string; output?: string; as?: string }) => {
      if (options.format !== 'docx' && options.format !== 'xlsx') throw new Error('--format 只能是 docx 或 xlsx');
      await withServices(async (app) => {
        const { ReviewExportService } = await import('@duban/services');
        const exports = app.get(ReviewExportService);
        const actor = parseCliActor(options.as);
        if (options.format === 'docx') {
          const { fileName, bytes } = await exports.bulletinDocx(id, actor);
          const file = options.output ?? fileName;
          await writeFile(file, bytes);
          console.log(`已导出：${file}`);
          return;
        }
        const annex = await exports.bulletinXlsx(id, actor);
        const file = options.output ?? annex.fileName;
        const output = createWriteStream(file);
        const rows = await annex.write(output);
        await finished(output);
        console.log(`已导出：${file}（${rows}行）`);
      });
    });
}
