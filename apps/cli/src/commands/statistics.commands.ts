import type { Command } from 'commander';
import { parseCliActor } from '../cli-actor';
import { newTable } from '../output/table';
import { withServices } from '../services-context';

/** `duban statistics [show|record]`: the 驾驶舱's counts, and recording a day for the overdue trend. */
export function registerStatisticsCommands(program: Command): void {
  const statistics = program.command('statistics').description('statistics (统计): counts by light, pace and unit; the daily record');

  statistics
    .command('show')
    .description('counts at a date (default today) over one plan or every published plan')
    .option('--plan <planId>')
    .option('--as-of <date>', 'YYYY-MM-DD')
    .option('--format <format>', 'json or table', 'table')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (options: { plan?: string; asOf?: string; format: string; as?: string }) => {
      await withServices(async (app) => {
        const { StatisticsService } = await import('@duban/services');
        const overview = await app.get(StatisticsService).overview({ planId: options.plan, asOf: options.asOf }, parseCliActor(options.as));
        if (options.format === 'json') return void console.log(JSON.stringify(overview, null, 2));
        console.log(`截至${overview.asOf}：${overview.plans}个计划，任务${overview.total}项，逾期${overview.overdue}项，进展滞后${overview.lagging}项`);
        console.log(overview.byLight.map((entry) => `${entry.label}${entry.count}`).join('  '));
        console.log(overview.byPace.map((entry) => `${entry.label}${entry.count}`).join('  '));
        const table = newTable({ head: ['最滞后的单位', '任务', '滞后', '逾期', '红灯', '滞后占比'] });
        for (const unit of overview.mostLaggingUnits) table.push([unit.unitName, unit.total, unit.lagging, unit.overdue, unit.red, `${unit.laggingShare}%`]);
        console.log(table.toString());
      });
    });

  statistics
    .command('record')
    .description('record every published plan’s counts of a day for the overdue trend (the daily digest job does this each day)')
    .option('--date <date>', 'YYYY-MM-DD (default yesterday)')
    .action(async (options: { date?: string }) => {
      await withServices(async (app) => {
        const { StatisticsService } = await import('@duban/services');
        const result = await app.get(StatisticsService).recordDay(options.date);
        console.log(`已记录${result.day}：${result.plans}个计划`);
      });
    });
}
