import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCliActor } from '../cli-actor';
import { withServices } from '../services-context';
import { PLAN_STATUS_LABELS, type PlanStatusCode } from '@duban/domain';

/** `duban import FILE`, `duban plans`, `duban publish PLAN`. */
export function registerPlanCommands(program: Command): void {
  program
    .command('import <file>')
    .description('import a plan document as a draft (parsed, stored, administrators notified)')
    .action(async (file: string) => {
      const bytes = await readFile(file);
      await withServices(async (app) => {
        const { PlanService } = await import('@duban/services');
        const result = await app.get(PlanService).importDocument(bytes, basename(file));
        console.log(`${result.created ? '已导入' : '此前已导入'}：${result.planId}  ${result.plan.title}（${result.plan.taskCount}项任务，${result.plan.warningCount}条解析提示）`);
      });
    });

  program
    .command('plans')
    .description('list plans')
    .option('--format <format>', 'json or table', 'table')
    .action(async (options: { format: string }) => {
      await withServices(async (app) => {
        const { PlanService } = await import('@duban/services');
        const plans = await app.get(PlanService).list();
        if (options.format === 'json') return void console.log(JSON.stringify(plans, null, 2));
        for (const plan of plans) console.log(`${plan.id}  ${(PLAN_STATUS_LABELS[plan.status as PlanStatusCode] ?? plan.status).padEnd(4, '　')}  ${String(plan.taskCount).padStart(3)}项任务  ${plan.title}`);
      });
    });

  program
    .command('publish <planId>')
    .description('publish a draft: create its assignments and start one workflow each')
    .option('--confirm-proposals', 'confirm the units inferred for tasks without a responsibility clause')
    .option('--no-wait', 'return once the rollout has started')
    .option('--as <actor>', 'act as role[:units]', 'admin')
    .action(async (planId: string, options: { confirmProposals?: boolean; wait: boolean; as: string }) => {
      await withServices(async (app) => {
        const { PlanService } = await import('@duban/services');
        const outcome = await app.get(PlanService).publish(planId, parseCliActor(options.as), { confirmProposals: options.confirmProposals ?? false, wait: options.wait });
        console.log(`发布 ${outcome.workflowId}：${outcome.preview.assignments}项任务分解${outcome.result ? `，已启动${outcome.result.workflowsStarted}个督办流程` : '（正在启动）'}`);
      });
    });
}
