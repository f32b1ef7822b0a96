import type { BusinessDate } from '@duban/calendar';
import type { EscalationLevel } from '../escalation/escalation-levels';
import type { RecordedEvidence } from '../evidence/evidence-refs';
import type { RecordedActual } from '../targets/target-actuals';

/** Commands against one assignment; `type` discriminates. */
export type AssignmentCommand =
  | { readonly type: 'accept' }
  | {
      readonly type: 'reportProgress';
      readonly percent?: number;
      readonly actualValue?: number;
      readonly text: string;
      readonly evidenceLinks?: readonly string[];
      /** 佐证材料: files already checked against the assignment's uploads, and links. */
      readonly evidence?: readonly RecordedEvidence[];
      /** Actuals per metric × year, already checked against the assignment's targets (validateActuals). */
      readonly actuals?: readonly RecordedActual[];
    }
  | { readonly type: 'requestClosure'; readonly summary: string; readonly evidenceLinks?: readonly string[] }
  | { readonly type: 'approveClosure'; readonly note?: string }
  | { readonly type: 'rejectClosure'; readonly reason: string }
  | { readonly type: 'requestExtension'; readonly newDueDate: BusinessDate; readonly reason: string }
  | {
      readonly type: 'decideExtension';
      readonly approve: boolean;
      /** Approve a different date than requested; defaults to the requested date. */
      readonly newDueDate?: BusinessDate;
      readonly reason?: string;
    }
  | { readonly type: 'decline'; readonly reason: string }
  | { readonly type: 'reassign'; readonly toUnit: string; readonly reason?: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'urge'; readonly level?: 'urge' | 'supervise'; readonly note?: string }
  | {
      readonly type: 'triggerTalk';
      readonly reason: string;
      /** Why a 约谈 is held although the assignment is neither overdue nor at the 约谈 level (see talk-policy). */
      readonly overrideReason?: string;
    }
  | { readonly type: 'escalate'; readonly level: EscalationLevel };

export type AssignmentCommandType = AssignmentCommand['type'];

export type CommandOf<T extends AssignmentCommandType> = Extract<AssignmentCommand, { readonly type: T }>;

export const ASSIGNMENT_COMMAND_TYPES: readonly AssignmentCommandType[] = [
  'accept',
  'reportProgress',
  'requestClosure',
  'approveClosure',
  'rejectClosure',
  'requestExtension',
  'decideExtension',
  'decline',
  'reassign',
  'withdraw',
  'urge',
  'triggerTalk',
  'escalate',
];

export const COMMAND_LABELS: Readonly<Record<AssignmentCommandType, string>> = {
  accept: '签收',
  reportProgress: '进展反馈',
  requestClosure: '申请办结',
  approveClosure: '审核办结（通过）',
  rejectClosure: '退回办结申请',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  decline: '退办',
  reassign: '改派',
  withdraw: '撤销',
  urge: '催办/督办',
  triggerTalk: '约谈',
  escalate: '逾期升级',
};
