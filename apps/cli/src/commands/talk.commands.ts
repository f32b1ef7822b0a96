import type { Command } from 'commander';
import type { TalkCommand } from '@duban/domain';
import type { TalkView } from '@duban/services';
import { parseCliActor } from '../cli-actor';
import { newTable } from '../output/table';
import { withServices } from '../services-context';

function printTalk(view: TalkView): void {
  const lines: [string, string | number | null][] = [
    ['编号', view.id],
    ['责任单位', view.unitName],
    ['任务', view.taskTitle ? `${view.taskNumber ?? ''} ${view.taskTitle}`.trim() : null],
    ['来源', view.sourceLabel],
    ['状态', view.statusLabel],
    ['事由', view.reason],
    ['约谈对象', view.talkTargetLabel],
    ['约谈时间', view.scheduledAt],
    ['地点', view.place],
    ['参加人员', view.attendees],
    ['约谈记录', view.minutes],
    ['整改要求', view.demands ? `${view.demands}（${view.rectifyBy}前）` : null],
    ['整改情况', view.rectification],
    ['升级理由', view.escalatedReason],
    ['版本', view.version],
    ['可办理', view.actions.map((action) => action.label).join('、') || '—'],
  ];
  for (const [name, value] of lines) if (value !== null && value !== '') console.log(`${name}：${value}`);
}

/** Runs one step of a talk's course and prints the record after it. */
async function step(id: string, command: TalkCommand, options: { as?: string; version?: string }): Promise<void> {
  await withServices(async (app) => {
    const { TalkService } = await import('@duban/services');
    const version = options.version === undefined ? undefined : Number(options.version);
    if (version !== undefined && !Number.isInteger(version)) throw new Error('--version 须为整数');
    printTalk(await app.get(TalkService).step(id, command, parseCliActor(options.as), version));
  });
}

/** `duban talk list|show|open|schedule|hold|rectify|verify|escalate`: 约谈 records and their course. */
export function registerTalkCommands(program: Command): void {
  const talk = program.command('talk').description('约谈 records: list, show, open, and the course (schedule, hold, rectify, verify, escalate)');

  talk
    .command('list')
    .description('约谈 records, latest change first')
    .option('--plan <planId>', 'only this plan')
    .option('--unit <unitId>', 'only this unit (directory id)')
    .option('--status <status>', 'proposed, scheduled, held, rectification_reported, verified, escalated')
    .option('--limit <n>', 'at most n', '50')
    .option('--format <format>', 'table or json', 'table')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (options: { plan?: string; unit?: string; status?: string; limit: string; format: string; as?: string }) => {
      await withServices(async (app) => {
        const { TalkService } = await import('@duban/services');
        const page = await app
          .get(TalkService)
          .list({ planId: options.plan, unitId: options.unit, status: options.status, limit: Number(options.limit) || 50 }, parseCliActor(options.as));
        if (options.format === 'json') {
          console.log(JSON.stringify(page, null, 2));
          return;
        }
        const table = newTable({ head: ['编号', '责任单位', '任务', '状态', '约谈时间', '整改期限'] });
        for (const item of page.items) {
          table.push([item.id, item.unitName, item.taskNumber ?? '—', item.statusLabel, item.scheduledAt ?? '—', item.rectifyBy ?? '—']);
        }
        console.log(table.toString());
        console.log(`共 ${page.total} 条`);
      });
    });

  talk
    .command('show <id>')
    .description('one 约谈 record')
    .option('--format <format>', 'text or json', 'text')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (id: string, options: { format: string; as?: string }) => {
      await withServices(async (app) => {
        const { TalkService } = await import('@duban/services');
        const view = await app.get(TalkService).get(id, parseCliActor(options.as));
        if (options.format === 'json') console.log(JSON.stringify(view, null, 2));
        else printTalk(view);
      });
    });

  talk
    .command('open <assignmentId> <reason>')
    .description('open a 约谈 on an assignment (also after it closed)')
    .option('--override <reason>', 'why, when the assignment is neither overdue nor at the 约谈 level')
    .option('--as <actor>', 'act as (default admin)')
    .action(async (assignmentId: string, reason: string, options: { override?: string; as?: string }) => {
      await withServices(async (app) => {
        const { TalkService } = await import('@duban/services');
        printTalk(await app.get(TalkService).open({ assignmentId, reason, ...(options.override ? { overrideReason: options.override } : {}) }, parseCliActor(options.as)));
      });
    });

  talk
    .command('schedule <id> <at> <place> <attendees>')
    .description('schedule the 约谈: at (ISO 8601 with zone), place, attendees')
    .option('--target <target>', 'principal (单位主要负责人) or deputy (分管负责人)', 'principal')
    .option('--version <n>', 'the version you saw (refused if the record changed)')
    .option('--as <actor>', 'act as (default admin)')
    .action((id: string, at: string, place: string, attendees: string, options: { target: string; version?: string; as?: string }) =>
      step(id, { action: 'schedule', at, place, attendees, talkTarget: options.target }, options),
    );

  talk
    .command('hold <id> <minutes> <demands> <rectifyBy>')
    .description('record the 约谈 held: minutes, rectification demands, deadline (YYYY-MM-DD)')
    .option('--held-at <instant>', 'when it was held (default now)')
    .option('--version <n>', 'the version you saw')
    .option('--as <actor>', 'act as (default admin)')
    .action((id: string, minutes: string, demands: string, rectifyBy: string, options: { heldAt?: string; version?: string; as?: string }) =>
      step(id, { action: 'hold', minutes, demands, rectifyBy, ...(options.heldAt ? { heldAt: options.heldAt } : {}) }, options),
    );

  talk
    .command('rectify <id> <text>')
    .description('report the rectification')
    .option('--version <n>', 'the version you saw')
    .option('--as <actor>', 'act as (default admin)')
    .action((id: string, text: string, options: { version?: string; as?: string }) => step(id, { action: 'reportRectification', text }, options));

  talk
    .command('verify <id>')
    .description('verify the rectification (ends the course)')
    .option('--version <n>', 'the version you saw')
    .option('--as <actor>', 'act as (default admin)')
    .action((id: string, options: { version?: string; as?: string }) => step(id, { action: 'verify' }, options));

  talk
    .command('escalate <id> <reason>')
    .description('escalate: rectification missing, late or inadequate')
    .option('--version <n>', 'the version you saw')
    .option('--as <actor>', 'act as (default admin)')
    .action((id: string, reason: string, options: { version?: string; as?: string }) => step(id, { action: 'escalate', reason }, options));
}
