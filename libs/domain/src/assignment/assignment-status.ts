/**
 * Assignment lifecycle (one task × unit × region):
 *
 *   pending_acceptance ──accept──▶ in_progress ──requestClosure──▶ closure_requested ──approve──▶ closed
 *        │                           ▲    │                             │
 *        │ decline                   │    └─ requestExtension: a pending extension request rides
 *        ▼                           │       alongside in_progress (see ExtensionRequest)
 *     declined ──reassign──▶ reassigned       rejectClosure (退回) ◀───┘
 *   any open status ──withdraw──▶ withdrawn
 */
export const ASSIGNMENT_STATUSES = [
  'pending_acceptance',
  'in_progress',
  'closure_requested',
  'closed',
  'declined',
  'reassigned',
  'withdrawn',
] as const;

export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Readonly<Record<AssignmentStatus, string>> = {
  pending_acceptance: '待签收',
  in_progress: '办理中',
  closure_requested: '申请办结',
  closed: '已办结',
  declined: '已退办',
  reassigned: '已改派',
  withdrawn: '已撤销',
};

/** Extra labels for conditions that ride alongside a status. */
export const ASSIGNMENT_CONDITION_LABELS = {
  extension_requested: '申请延期',
  closure_rejected: '退回',
  overdue: '已逾期',
} as const;

/** Statuses after which nothing more happens to this assignment (a reassignment continues in a new one). */
export const TERMINAL_STATUSES: readonly AssignmentStatus[] = ['closed', 'reassigned', 'withdrawn'];

/** Statuses in which the unit still owes work, so deadlines, lights and escalation apply. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['pending_acceptance', 'in_progress', 'closure_requested'];

/** Statuses in which the unit owes the work itself: the clock runs against the deadline. */
export const OWED_STATUSES: readonly AssignmentStatus[] = ['pending_acceptance', 'in_progress'];

export function isTerminalStatus(status: AssignmentStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function isOpenStatus(status: AssignmentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function statusLabel(status: AssignmentStatus): string {
  return ASSIGNMENT_STATUS_LABELS[status];
}
