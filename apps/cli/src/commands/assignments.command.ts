import type { Command } from 'commander';
import { withServices } from '../services-context';

const LIGHT_MARKS: Record<string, string> = { red: '● 红', yellow: '● 黄', green: '● 绿', neutral: '○ —' };

/** `duban assignments [--plan --unit --status --light] [--format json|table]` */
export function registerAssignmentsCommand(program: Command): void {
  program
    .command('assignments')
    .description('list assignments from the read model')
    .option('--plan <planId>')
    .option('--unit <unit>')
    .option('--status <status>')
    .option('--light <light>', 'red, yellow, green or neutral')
    .option('--limit <n>', 'at most this many', '100')
    .option('--format <format>', 'json or table', 'table')
    .action(async (options: { plan?: string; unit?: string; status?: string; light?: string; limit: string; format: string }) => {
      await withServices(async (app) => {
        const { AssignmentService } = await import('@duban/services');
        const page = await app.get(AssignmentService).list(
          { planId: options.plan, unit: options.unit, status: options.status, light: options.light },
          { limit: Number(options.limit), sort: 'dueDate' },
        );
        if (options.format === 'json') return void console.log(JSON.stringify(page, null, 2));
        const { default: Table } = await import('cli-table3');
        const table = new Table({ head: ['id', '任务', '责任单位', '角色', '状态', '灯', '期限', '升级'] });
        for (const item of page.items) {
          table.push([
            item.id,
            `${item.taskNumber ?? '-'} ${(item.taskTitle ?? '').slice(0, 18)}`,
            item.region ? `${item.unitName}（${item.region}）` : item.unitName,
            item.responsibility === 'lead' ? '牵头' : '配合',
            item.status,
            LIGHT_MARKS[item.light] ?? item.light,
            item.dueDate,
            item.escalationLevel ?? '',
          ]);
        }
        console.log(table.toString());
        console.log(`${page.items.length} of ${page.total}`);
      });
    });
}
