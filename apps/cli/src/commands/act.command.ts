import type { Command } from 'commander';
import { ASSIGNMENT_STATUS_LABELS, type AssignmentCommand } from '@duban/domain';
import { parseCliActor } from '../cli-actor';
import { withServices } from '../services-context';

/** Short CLI verbs for the domain's commands. */
const VERBS: Record<string, (options: ActOptions) => AssignmentCommand> = {
  accept: () => ({ type: 'accept' }),
  report: (o) => ({ type: 'reportProgress', text: o.text ?? '', ...(o.percent !== undefined ? { percent: Number(o.percent) } : {}), ...(o.value !== undefined ? { actualValue: Number(o.value) } : {}), evidenceLinks: o.link ?? [] }),
  close: (o) => ({ type: 'requestClosure', summary: o.text ?? '', evidenceLinks: o.link ?? [] }),
  approve: (o) => ({ type: 'approveClosure', ...(o.text ? { note: o.text } : {}) }),
  reject: (o) => ({ type: 'rejectClosure', reason: o.reason ?? '' }),
  extend: (o) => ({ type: 'requestExtension', newDueDate: o.date ?? '', reason: o.reason ?? '' }),
  'approve-extension': (o) => ({ type: 'decideExtension', approve: true, ...(o.date ? { newDueDate: o.date } : {}), ...(o.reason ? { reason: o.reason } : {}) }),
  'deny-extension': (o) => ({ type: 'decideExtension', approve: false, reason: o.reason ?? '' }),
  decline: (o) => ({ type: 'decline', reason: o.reason ?? '' }),
  reassign: (o) => ({ type: 'reassign', toUnit: o.unit ?? '', ...(o.reason ? { reason: o.reason } : {}) }),
  withdraw: (o) => ({ type: 'withdraw', reason: o.reason ?? '' }),
  urge: (o) => ({ type: 'urge', level: 'urge', ...(o.text ? { note: o.text } : {}) }),
  supervise: (o) => ({ type: 'urge', level: 'supervise', ...(o.text ? { note: o.text } : {}) }),
  talk: (o) => ({ type: 'triggerTalk', reason: o.reason ?? '', ...(o.override ? { overrideReason: o.override } : {}) }),
};

interface ActOptions {
  as: string;
  text?: string;
  reason?: string;
  percent?: string;
  value?: string;
  date?: string;
  unit?: string;
  link?: string[];
  override?: string;
}

/** `duban act ASSIGNMENT accept|report|close|approve|reject|extend|…` */
export function registerActCommand(program: Command): void {
  program
    .command('act <assignmentId> <verb>')
    .description(`act on an assignment: ${Object.keys(VERBS).join(', ')}`)
    .option('--as <actor>', 'role[:units], e.g. unit_staff:市卫健委', 'admin')
    .option('--text <text>', 'progress text, closure summary or note')
    .option('--reason <reason>')
    .option('--percent <n>')
    .option('--value <n>', 'numeric actual value')
    .option('--date <YYYY-MM-DD>', 'new due date')
    .option('--unit <unit>', 'unit to reassign to')
    .option('--link <url...>', 'evidence links')
    .option('--override <reason>', 'talk: why a 约谈 is held before it is due (not overdue, not at the 约谈 level)')
    .action(async (assignmentId: string, verb: string, options: ActOptions) => {
      const build = VERBS[verb];
      if (!build) throw new Error(`unknown verb "${verb}"; one of ${Object.keys(VERBS).join(', ')}`);
      await withServices(async (app) => {
        const { AssignmentService } = await import('@duban/services');
        const view = await app.get(AssignmentService).act(assignmentId, build(options), parseCliActor(options.as));
        console.log(`${assignmentId}: ${ASSIGNMENT_STATUS_LABELS[view.state.status]}，${view.light.label}${view.light.reasons.length ? ` (${view.light.reasons.map((reason) => reason.text).join('；')})` : ''}`);
      });
    });
}
