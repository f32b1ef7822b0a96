import type { BusinessDate } from '@duban/calendar';
import type { EventActor } from './actor';
import type { EscalationLevel } from '../escalation/escalation-levels';
import type { RecordedEvidence } from '../evidence/evidence-refs';
import type { RecordedActual } from '../targets/target-actuals';

interface EventBase<T extends string, P> {
  readonly type: T;
  /** Epoch ms (UTC). */
  readonly at: number;
  readonly actor: EventActor;
  readonly payload: P;
}

/** Facts produced by `decide`; the workflow persists them (the event log is the audit trail). */
export type AssignmentEvent =
  | EventBase<'accepted', Record<string, never>>
  | EventBase<
      'progress_reported',
      {
        readonly percent: number | null;
        readonly actualValue: number | null;
        readonly text: string;
        readonly evidenceLinks: readonly string[];
        /** Absent in events recorded before files and actuals existed. */
        readonly evidence?: readonly RecordedEvidence[];
        readonly actuals?: readonly RecordedActual[];
      }
    >
  | EventBase<'closure_requested', { readonly summary: string; readonly evidenceLinks: readonly string[] }>
  | EventBase<'closure_approved', { readonly completedDate: BusinessDate; readonly note: string | null }>
  | EventBase<'closure_rejected', { readonly reason: string; readonly rejectionCount: number }>
  | EventBase<
      'extension_requested',
      { readonly currentDueDate: BusinessDate; readonly requestedDueDate: BusinessDate; readonly reason: string }
    >
  | EventBase<
      'extension_approved',
      {
        readonly previousDueDate: BusinessDate;
        readonly newDueDate: BusinessDate;
        readonly requestedDueDate: BusinessDate;
        readonly reason: string | null;
      }
    >
  | EventBase<'extension_denied', { readonly requestedDueDate: BusinessDate; readonly reason: string }>
  | EventBase<'declined', { readonly reason: string }>
  | EventBase<'reassigned', { readonly fromUnit: string; readonly toUnit: string; readonly reason: string | null }>
  | EventBase<'withdrawn', { readonly reason: string }>
  | EventBase<'urged', { readonly level: 'urge' | 'supervise'; readonly note: string | null }>
  | EventBase<'talk_triggered', { readonly reason: string; readonly talkCount: number; readonly overrideReason?: string }>
  | EventBase<'escalated', { readonly level: EscalationLevel; readonly previousLevel: EscalationLevel | null }>;

export type AssignmentEventType = AssignmentEvent['type'];

export const EVENT_LABELS: Readonly<Record<AssignmentEventType, string>> = {
  accepted: '已签收',
  progress_reported: '反馈进展',
  closure_requested: '申请办结',
  closure_approved: '办结通过（销号）',
  closure_rejected: '办结退回',
  extension_requested: '申请延期',
  extension_approved: '延期批准',
  extension_denied: '延期不予批准',
  declined: '退办',
  reassigned: '改派',
  withdrawn: '撤销',
  urged: '催办/督办',
  talk_triggered: '约谈',
  escalated: '逾期升级',
};
