import type { AssignmentEvent } from '../assignment/assignment-events';
import type { EscalationAudience, EscalationLadder } from '../escalation/escalation-ladder';
import { ESCALATION_LEVEL_LABELS } from '../escalation/escalation-levels';
import type { Reminder } from '../escalation/reminders';
import { REMINDER_KIND_LABELS } from '../escalation/reminders';
import { chineseDate } from '../text/chinese-date';

/** Mailboxes of roles that act across units (supervisors, coordinators). */
export const ROLE_MAILBOXES = {
  supervisors: 'role:supervisor',
  coordinator: 'role:coordinator',
  admin: 'role:admin',
} as const;

/** What a notification is about; `digest` ones are batched into the unit's daily digest on external channels. */
export interface NotificationDraft {
  readonly recipient: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly digest: boolean;
}

export interface NotifiedAssignment {
  readonly unitName: string;
  readonly taskTitle: string | null;
  readonly taskNumber: number | null;
  readonly dueDate: string;
}

function subject(assignment: NotifiedAssignment): string {
  const task = assignment.taskNumber !== null ? `任务${assignment.taskNumber}` : '目标任务';
  return assignment.taskTitle ? `${task}“${assignment.taskTitle}”` : task;
}

function recipientsOf(audiences: readonly EscalationAudience[], unitName: string): string[] {
  return audiences.flatMap((audience) => {
    if (audience === 'unit') return [unitName];
    if (audience === 'supervisors') return [ROLE_MAILBOXES.supervisors];
    if (audience === 'coordinator') return [ROLE_MAILBOXES.coordinator];
    return []; // 'bulletin': listed for the next 通报, no message of its own
  });
}

/**
 * Who hears about an event, and what they read. Pure: the activity writes these
 * as outbox rows in the same transaction as the event.
 */
export function notificationsForEvent(event: AssignmentEvent, assignment: NotifiedAssignment, ladder: EscalationLadder): NotificationDraft[] {
  const what = subject(assignment);
  const unit = assignment.unitName;
  const note = (recipient: string, title: string, body: string, digest = false): NotificationDraft => ({
    recipient,
    kind: `assignment.${event.type}`,
    title,
    body,
    digest,
  });
  switch (event.type) {
    case 'accepted':
      return [];
    case 'progress_reported':
      return [];
    case 'closure_requested':
      return [note(ROLE_MAILBOXES.coordinator, `办结待审核：${unit}`, `${unit}申请${what}办结：${event.payload.summary}`)];
    case 'closure_approved':
      return [note(unit, `已办结销号：${what}`, `${what}已审核通过，办结销号。`)];
    case 'closure_rejected':
      return [note(unit, `办结申请被退回：${what}`, `退回理由：${event.payload.reason}。请继续办理后重新申请办结。`)];
    case 'extension_requested':
      return [
        note(
          ROLE_MAILBOXES.coordinator,
          `延期申请待审批：${unit}`,
          `${unit}申请将${what}的期限由${chineseDate(event.payload.currentDueDate)}延至${chineseDate(event.payload.requestedDueDate)}，理由：${event.payload.reason}`,
        ),
      ];
    case 'extension_approved':
      return [note(unit, `延期已批准：${what}`, `${what}的期限由${chineseDate(event.payload.previousDueDate)}调整为${chineseDate(event.payload.newDueDate)}。`)];
    case 'extension_denied':
      return [note(unit, `延期未获批准：${what}`, `理由：${event.payload.reason}。请按原期限${chineseDate(assignment.dueDate)}办结。`)];
    case 'declined':
      return [note(ROLE_MAILBOXES.coordinator, `退办待改派：${unit}`, `${unit}退办${what}，理由：${event.payload.reason}。请改派责任单位。`)];
    case 'reassigned':
      return [note(unit, `任务已改派：${what}`, `${what}已改派至${event.payload.toUnit}。`)];
    case 'withdrawn':
      return [note(unit, `任务已撤销：${what}`, `${what}已撤销，理由：${event.payload.reason}。`)];
    case 'urged': {
      const label = ESCALATION_LEVEL_LABELS[event.payload.level];
      return [note(unit, `${label}：${what}`, `请加快办理${what}（期限${chineseDate(assignment.dueDate)}）。${event.payload.note ?? ''}`, true)];
    }
    case 'talk_triggered':
      return [
        note(unit, `约谈通知：${what}`, `因${what}办理滞后，将对${unit}主要负责人进行约谈。事由：${event.payload.reason}`),
        note(ROLE_MAILBOXES.supervisors, `约谈记录：${unit}`, `已对${unit}启动约谈（${what}），事由：${event.payload.reason}`),
      ];
    case 'escalated': {
      const step = ladder.steps.find((candidate) => candidate.level === event.payload.level);
      const label = ESCALATION_LEVEL_LABELS[event.payload.level];
      const body =
        event.payload.level === 'talk'
          ? `${unit}的${what}已逾期（期限${chineseDate(assignment.dueDate)}）且经催办、督办、通报仍未办结，建议对其进行约谈。`
          : `${what}已逾期（期限${chineseDate(assignment.dueDate)}），现予${label}，请${unit}抓紧办理。`;
      return recipientsOf(step?.audiences ?? ['unit'], unit).map((recipient) =>
        note(recipient, `逾期${label}：${what}（${unit}）`, body, event.payload.level === 'urge'),
      );
    }
  }
}

/** A reminder as a notification to the unit; always digestible. */
export function notificationForReminder(reminder: Reminder, assignment: NotifiedAssignment): NotificationDraft {
  const what = subject(assignment);
  const label = REMINDER_KIND_LABELS[reminder.kind];
  const body = (() => {
    switch (reminder.kind) {
      case 'acceptance':
        return `${what}已下达${reminder.workingDaysSinceIssue}个工作日，尚未签收，请及时签收。`;
      case 'progress_report':
        return `${what}请于${chineseDate(reminder.reportDueDate)}前反馈办理进展。`;
      case 'due_soon':
        return `${what}将于${chineseDate(reminder.dueDate)}到期（还有${reminder.workingDaysBefore}个工作日），请抓紧办理。`;
      case 'recurring_duty':
        return `常态化任务提醒：${reminder.text}（${chineseDate(reminder.occurrenceDate)}前）。`;
    }
  })();
  return { recipient: assignment.unitName, kind: `reminder.${reminder.kind}`, title: `${label}：${what}`, body, digest: true };
}
