import { compareBusinessDates, isValidBusinessDate, shanghaiDateOf, type BusinessDate } from '@duban/calendar';
import { toEventActor, type Actor, type EventActor } from './actor';
import { COMMAND_LABELS, type AssignmentCommand, type AssignmentCommandType, type CommandOf } from './assignment-commands';
import type { AssignmentEvent } from './assignment-events';
import { defaultDueAt, isOverdue, type AssignmentState } from './assignment-state';
import { ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUSES, type AssignmentStatus } from './assignment-status';
import { ESCALATION_LEVEL_LABELS, escalationRank, highestLevel, isEscalationLevel } from '../escalation/escalation-levels';
import { reject, type Rejection } from './rejection';
import { authorize } from './roles-and-permissions';
import { isWebLink } from '../text/text-rules';
import { chineseDate } from '../text/chinese-date';
import { recordedEvidenceProblem } from '../evidence/evidence-refs';
import { actualsShapeProblem } from '../targets/target-actuals';

export interface DecideContext {
  /** Current instant, epoch ms (in a workflow: Date.now() inside the sandbox, which is deterministic). */
  readonly now: number;
  readonly actor: Actor;
}

export type DecideResult =
  | { readonly ok: true; readonly state: AssignmentState; readonly events: readonly AssignmentEvent[] }
  | Rejection;

/** In which statuses each command is allowed (before payload checks). */
export const COMMAND_ALLOWED_STATUSES: Readonly<Record<AssignmentCommandType, readonly AssignmentStatus[]>> = {
  accept: ['pending_acceptance'],
  reportProgress: ['in_progress'],
  requestClosure: ['in_progress'],
  approveClosure: ['closure_requested'],
  rejectClosure: ['closure_requested'],
  requestExtension: ['in_progress'],
  decideExtension: ['in_progress'],
  // 退办 is the alternative to 签收: once accepted the unit asks for withdrawal or reassignment instead.
  decline: ['pending_acceptance'],
  reassign: ['pending_acceptance', 'in_progress', 'declined'],
  withdraw: ['pending_acceptance', 'in_progress', 'closure_requested', 'declined'],
  urge: ['pending_acceptance', 'in_progress'],
  // 约谈 may be held at any time, even after closure (e.g. for a late delivery), but not on a withdrawn task.
  triggerTalk: ASSIGNMENT_STATUSES.filter((status) => status !== 'withdrawn'),
  // Escalation pauses while a closure request is being verified.
  escalate: ['pending_acceptance', 'in_progress'],
};

/** The rejection for a command issued in a status that does not allow it. */
export function statusRejection(status: AssignmentStatus, commandType: AssignmentCommandType): Rejection {
  const action = `“${COMMAND_LABELS[commandType]}”`;
  switch (status) {
    case 'closed':
      return reject('already_closed', `任务已办结，不能再${action}`);
    case 'withdrawn':
      return reject('withdrawn', `任务已撤销，不能再${action}`);
    case 'reassigned':
      return reject('reassigned', `任务已改派给其他单位，不能再${action}`);
    case 'declined':
      return reject('declined', `任务已退办，等待改派，不能${action}`);
    default:
      break;
  }
  if (commandType === 'approveClosure' || commandType === 'rejectClosure') {
    return reject('no_closure_request', `当前没有待审核的办结申请（状态：${ASSIGNMENT_STATUS_LABELS[status]}）`);
  }
  if (commandType === 'decideExtension') {
    return reject('no_extension_request', '当前没有待审批的延期申请');
  }
  if (commandType === 'accept' || commandType === 'decline') {
    return reject('already_accepted', `任务已签收，不能再${action}`);
  }
  if (status === 'pending_acceptance') {
    return reject('not_accepted', `任务尚未签收，请先签收再${action}`);
  }
  return reject('closure_pending', `办结申请正在审核中，不能${action}`);
}

function isBlank(text: string | undefined | null): boolean {
  return typeof text !== 'string' || text.trim().length === 0;
}

function optionalText(text: string | undefined): string | null {
  return isBlank(text) ? null : (text as string).trim();
}

function validEvidenceLinks(links: readonly string[] | undefined): readonly string[] | Rejection {
  if (links === undefined) return [];
  if (!Array.isArray(links as unknown) || links.some((link) => isBlank(link))) {
    return reject('invalid_evidence', '佐证材料链接不能为空');
  }
  // Links are opened by people: only web links (never javascript:, data: or file:).
  const unsafe = links.find((link) => !isWebLink(link.trim()));
  if (unsafe !== undefined) return reject('invalid_evidence', `佐证材料链接须以 http:// 或 https:// 开头：${unsafe.trim().slice(0, 80)}`);
  return links.map((link) => link.trim());
}

function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

interface Step {
  readonly state: AssignmentState;
  readonly now: number;
  readonly actor: EventActor;
}

type Handler<T extends AssignmentCommandType> = (step: Step, command: CommandOf<T>) => DecideResult;

function accepted(state: AssignmentState, events: readonly AssignmentEvent[]): DecideResult {
  return { ok: true, state, events };
}

const handlers: { readonly [T in AssignmentCommandType]: Handler<T> } = {
  accept: ({ state, now, actor }) =>
    accepted({ ...state, status: 'in_progress', acceptedAt: now }, [{ type: 'accepted', at: now, actor, payload: {} }]),

  reportProgress: ({ state, now, actor }, command) => {
    if (isBlank(command.text)) return reject('text_required', '请填写进展情况');
    const percent = command.percent ?? null;
    if (percent !== null && (!Number.isFinite(percent) || percent < 0 || percent > 100)) {
      return reject('invalid_percent', `完成进度须在0到100之间，收到 ${String(percent)}`);
    }
    const actualValue = command.actualValue ?? null;
    if (actualValue !== null && !Number.isFinite(actualValue)) {
      return reject('invalid_value', '实际完成值须为有效数字');
    }
    const links = validEvidenceLinks(command.evidenceLinks);
    if (isRejection(links)) return links;
    const evidenceProblem = recordedEvidenceProblem(command.evidence);
    if (evidenceProblem) return evidenceProblem;
    const actualsProblem = actualsShapeProblem(command.actuals);
    if (actualsProblem) return actualsProblem;
    const evidence = command.evidence ?? [];
    const actuals = command.actuals ?? [];
    // Links given as evidence items are links too, for every reader of evidenceLinks.
    const urls = evidence.flatMap((item) => (item.kind === 'url' && !links.includes(item.url) ? [item.url] : []));
    const evidenceLinks = urls.length > 0 ? [...links, ...urls] : links;
    // A report without a percent keeps the last known percent for pace checks.
    const lastPercent = percent ?? state.lastReport?.percent ?? null;
    const lastValue = actualValue ?? state.lastReport?.actualValue ?? null;
    return accepted(
      {
        ...state,
        lastReport: { at: now, percent: lastPercent, actualValue: lastValue },
        reportCount: state.reportCount + 1,
      },
      [
        {
          type: 'progress_reported',
          at: now,
          actor,
          payload: {
            percent,
            actualValue,
            text: command.text.trim(),
            evidenceLinks,
            // Only when given: a report without them records the same event as before.
            ...(evidence.length > 0 ? { evidence } : {}),
            ...(actuals.length > 0 ? { actuals } : {}),
          },
        },
      ],
    );
  },

  requestClosure: ({ state, now, actor }, command) => {
    if (state.extensionRequest !== null) {
      return reject('extension_pending', '延期申请尚在审批中，请待审批后再申请办结');
    }
    if (isBlank(command.summary)) return reject('text_required', '请填写办结情况说明');
    const evidenceLinks = validEvidenceLinks(command.evidenceLinks);
    if (isRejection(evidenceLinks)) return evidenceLinks;
    const summary = command.summary.trim();
    return accepted(
      {
        ...state,
        status: 'closure_requested',
        closureRequest: { at: now, date: shanghaiDateOf(now), summary, evidenceLinks },
      },
      [{ type: 'closure_requested', at: now, actor, payload: { summary, evidenceLinks } }],
    );
  },

  approveClosure: ({ state, now, actor }, command) => {
    const completedDate = state.closureRequest?.date ?? shanghaiDateOf(now);
    return accepted({ ...state, status: 'closed', closedAt: now, completedDate }, [
      { type: 'closure_approved', at: now, actor, payload: { completedDate, note: optionalText(command.note) } },
    ]);
  },

  rejectClosure: ({ state, now, actor }, command) => {
    if (isBlank(command.reason)) return reject('reason_required', '退回办结申请须说明理由');
    const rejectionCount = state.closureRejectionCount + 1;
    return accepted({ ...state, status: 'in_progress', closureRequest: null, closureRejectionCount: rejectionCount }, [
      { type: 'closure_rejected', at: now, actor, payload: { reason: command.reason.trim(), rejectionCount } },
    ]);
  },

  requestExtension: ({ state, now, actor }, command) => {
    if (state.extensionRequest !== null) return reject('extension_pending', '已有延期申请在审批中');
    if (isBlank(command.reason)) return reject('reason_required', '申请延期须说明理由');
    const dateProblem = checkNewDueDate(command.newDueDate, state.dueDate);
    if (dateProblem) return dateProblem;
    const reason = command.reason.trim();
    return accepted(
      { ...state, extensionRequest: { requestedAt: now, requestedDueDate: command.newDueDate, reason } },
      [
        {
          type: 'extension_requested',
          at: now,
          actor,
          payload: { currentDueDate: state.dueDate, requestedDueDate: command.newDueDate, reason },
        },
      ],
    );
  },

  decideExtension: ({ state, now, actor }, command) => {
    const pending = state.extensionRequest;
    if (pending === null) return reject('no_extension_request', '当前没有待审批的延期申请');
    if (!command.approve) {
      if (isBlank(command.reason)) return reject('reason_required', '不予延期须说明理由');
      return accepted({ ...state, extensionRequest: null, extensionsDenied: state.extensionsDenied + 1 }, [
        {
          type: 'extension_denied',
          at: now,
          actor,
          payload: { requestedDueDate: pending.requestedDueDate, reason: (command.reason as string).trim() },
        },
      ]);
    }
    const newDueDate = command.newDueDate ?? pending.requestedDueDate;
    const dateProblem = checkNewDueDate(newDueDate, state.dueDate);
    if (dateProblem) return dateProblem;
    return accepted(
      {
        ...state,
        dueDate: newDueDate,
        dueAt: defaultDueAt(newDueDate),
        extensionRequest: null,
        extensionsApproved: state.extensionsApproved + 1,
        // The ladder restarts from the new deadline; counts (通报, 约谈) stay as history.
        reachedLevels: [],
        talkProposed: false,
      },
      [
        {
          type: 'extension_approved',
          at: now,
          actor,
          payload: {
            previousDueDate: state.dueDate,
            newDueDate,
            requestedDueDate: pending.requestedDueDate,
            reason: optionalText(command.reason),
          },
        },
      ],
    );
  },

  decline: ({ state, now, actor }, command) => {
    if (isBlank(command.reason)) return reject('reason_required', '退办须说明理由');
    const reason = command.reason.trim();
    return accepted({ ...state, status: 'declined', declineReason: reason }, [
      { type: 'declined', at: now, actor, payload: { reason } },
    ]);
  },

  reassign: ({ state, now, actor }, command) => {
    if (isBlank(command.toUnit)) return reject('unit_required', '请指定改派的责任单位');
    const toUnit = command.toUnit.trim();
    if (toUnit === state.unitId) return reject('same_unit', '改派单位不能与当前责任单位相同');
    return accepted({ ...state, status: 'reassigned', reassignedTo: toUnit, extensionRequest: null }, [
      {
        type: 'reassigned',
        at: now,
        actor,
        payload: { fromUnit: state.unitId, toUnit, reason: optionalText(command.reason) },
      },
    ]);
  },

  withdraw: ({ state, now, actor }, command) => {
    if (isBlank(command.reason)) return reject('reason_required', '撤销任务须说明理由');
    const reason = command.reason.trim();
    return accepted({ ...state, status: 'withdrawn', withdrawReason: reason, extensionRequest: null }, [
      { type: 'withdrawn', at: now, actor, payload: { reason } },
    ]);
  },

  urge: ({ state, now, actor }, command) => {
    const level = command.level ?? 'urge';
    if (level !== 'urge' && level !== 'supervise') {
      return reject('invalid_level', `催办级别只能是催办或督办，收到 ${String(level)}`);
    }
    const counts =
      level === 'urge' ? { urgeCount: state.urgeCount + 1 } : { superviseCount: state.superviseCount + 1 };
    return accepted({ ...state, ...counts }, [
      { type: 'urged', at: now, actor, payload: { level, note: optionalText(command.note) } },
    ]);
  },

  triggerTalk: ({ state, now, actor }, command) => {
    if (isBlank(command.reason)) return reject('reason_required', '约谈须说明事由');
    const talkCount = state.talkCount + 1;
    return accepted({ ...state, talkCount, talkProposed: false }, [
      {
        type: 'talk_triggered',
        at: now,
        actor,
        payload: { reason: command.reason.trim(), talkCount, ...(command.overrideReason?.trim() ? { overrideReason: command.overrideReason.trim() } : {}) },
      },
    ]);
  },

  escalate: ({ state, now, actor }, command) => {
    const level = command.level;
    if (!isEscalationLevel(level)) return reject('invalid_level', `未知的升级级别 ${String(level)}`);
    const previousLevel = highestLevel(state.reachedLevels);
    if (previousLevel !== null && escalationRank(level) <= escalationRank(previousLevel)) {
      return reject(
        'level_already_reached',
        `已升级至“${ESCALATION_LEVEL_LABELS[previousLevel]}”，不能再升级为“${ESCALATION_LEVEL_LABELS[level]}”`,
      );
    }
    if (!isOverdue(state, now)) return reject('not_overdue', `任务尚未逾期（办理期限${chineseDate(state.dueDate)}），不能升级`);
    return accepted(
      {
        ...state,
        reachedLevels: [...state.reachedLevels, level],
        bulletinCount: level === 'bulletin' ? state.bulletinCount + 1 : state.bulletinCount,
        talkProposed: level === 'talk' ? true : state.talkProposed,
      },
      [{ type: 'escalated', at: now, actor, payload: { level, previousLevel } }],
    );
  },
};

function checkNewDueDate(newDueDate: BusinessDate, currentDueDate: BusinessDate): Rejection | null {
  if (!isValidBusinessDate(newDueDate)) return reject('invalid_date', `日期格式无效：${String(newDueDate)}（应为YYYY-MM-DD）`);
  if (compareBusinessDates(newDueDate, currentDueDate) <= 0) {
    return reject('date_not_after_due', `延期后的期限${chineseDate(newDueDate)}须晚于当前期限${chineseDate(currentDueDate)}`);
  }
  return null;
}

/**
 * The single transition function: authorize the actor, check the status allows the command, validate
 * the payload, and return the next state plus the events to persist — or a rejection with a code and a
 * Chinese reason. Pure: the same inputs always give the same output.
 */
export function decide(state: AssignmentState, command: AssignmentCommand, context: DecideContext): DecideResult {
  const handler = handlers[command.type] as Handler<AssignmentCommandType> | undefined;
  if (handler === undefined) return reject('forbidden', `未知的操作：${String((command as { type?: unknown }).type)}`);
  const authorization = authorize(context.actor, state, command.type);
  if (!authorization.ok) return authorization;
  if (!COMMAND_ALLOWED_STATUSES[command.type].includes(state.status)) return statusRejection(state.status, command.type);
  return handler({ state, now: context.now, actor: toEventActor(context.actor) }, command);
}

/** Applies a sequence of commands, stopping at the first rejection (handy for tests and replays). */
export function decideAll(
  state: AssignmentState,
  steps: readonly { readonly command: AssignmentCommand; readonly context: DecideContext }[],
): DecideResult {
  let current = state;
  const events: AssignmentEvent[] = [];
  for (const step of steps) {
    const result = decide(current, step.command, step.context);
    if (!result.ok) return result;
    current = result.state;
    events.push(...result.events);
  }
  return { ok: true, state: current, events };
}
