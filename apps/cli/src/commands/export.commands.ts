import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { parseCliActor } from '../cli-actor';
import { withServices } from '../services-context';

/** `duban export ledger`: the 台账 of filtered assignments as .xlsx, streamed to a file (any size, bounded memory). */
export function registerExportCommands(program: Command): void {
  const exportCommand = program.command('export').description('exports (导出): the 台账 as .xlsx');

  exportCommand
    .command('ledger')
    .description('write the 台账 of the filtered assignments (.xlsx) to a file')
    .option('--plan <planId>')
    .option('--unit <unit>', 'a unit name')
    .option('--region <region>')
    .option('--status <status>')
    .option('--light <light>', 'red, yellow, green or neutral')
    .option('-o, --output <file>', 'the file to write', '任务台账.xlsx')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (options: { plan?: string; unit?: string; region?: string; status?: string; light?: string; output: string; as?: string }) => {
      await withServices(async (app) => {
        const { ReviewExportService } = await import('@duban/services');
        const filter = {
          ...(options.plan ? { planId: options.plan } : {}),
          ...(options.unit ? { unit: options.unit } : {}),
          ...(options.region ? { region: options.region } : {}),
          ...(options.status ? { status: options.status } : {}),
          ...(options.light ? { light: options.light } : {}),
        };
        const output = createWriteStream(options.output);
        const rows = await app.get(ReviewExportService).ledgerXlsx(filter, parseCliActor(options.as), output);
        await finished(output);
        console.log(`已导出：${options.output}（${rows}行）`);
      });
    });
}
