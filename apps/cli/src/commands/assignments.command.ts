import type { Command } from 'commander';
import { ASSIGNMENT_STATUS_LABELS, ESCALATION_LEVEL_LABELS, RESPONSIBILITY_LABELS } from '@duban/domain';
import { newTable } from '../output/table';
import { withServices } from '../services-context';

/** A code's Chinese label from the domain's map (the code itself if the map has none). */
const label = (labels: Readonly<Record<string, string>>, code: string | null) => (code === null ? '' : (labels[code] ?? code));

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
        const table = newTable({ head: ['id', '任务', '责任单位', '角色', '状态', '灯', '期限', '督办级别'] });
        for (const item of page.items) {
          table.push([
            item.id,
            `${item.taskNumber ?? '-'} ${(item.taskTitle ?? '').slice(0, 18)}`,
            item.region ? `${item.unitName}（${item.region}）` : item.unitName,
            label(RESPONSIBILITY_LABELS, item.responsibility),
            label(ASSIGNMENT_STATUS_LABELS, item.status),
            LIGHT_MARKS[item.light] ?? item.light,
            item.dueDate,
            label(ESCALATION_LEVEL_LABELS, item.escalationLevel),
          ]);
        }
        console.log(table.toString());
        console.log(`共 ${page.total} 项，显示 ${page.items.length} 项`);
      });
    });
}
