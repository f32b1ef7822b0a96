import { authorize, authorizePlanAction, COMMAND_ALLOWED_STATUSES, type Actor, type AssignmentStatus, type PlanAction } from '@duban/domain';
import type { HumanAction } from '../api/resources/assignments.api';

/** The order actions are offered in: the unit's own work first, then reviews, then escalation. */
export const ACTION_ORDER: readonly HumanAction[] = [
  'accept',
  'reportProgress',
  'requestClosure',
  'requestExtension',
  'decline',
  'approveClosure',
  'rejectClosure',
  'decideExtension',
  'urge',
  'triggerTalk',
  'reassign',
  'withdraw',
];

export interface ActionContext {
  /** The holder's directory unit id (null for a row the directory has not linked yet). */
  readonly unitId: string | null;
  /** The holder's name: a user whose scope still lists names (created before the directory) holds by name, as the API allows. */
  readonly unitName?: string;
  readonly status: string;
  /** An extension request waits for a decision (decideExtension needs one; requestExtension refuses a second). */
  readonly extensionPending: boolean;
}

/**
 * The actions the console offers `actor` on one assignment: the domain's own rules
 * (who may issue what, in which status), so the buttons match what the API accepts.
 * The API still decides; this only hides what would certainly be refused.
 */
export function availableActions(actor: Actor, assignment: ActionContext): HumanAction[] {
  return ACTION_ORDER.filter((action) => {
    const holder = assignment.unitName !== undefined && (assignment.unitId === null || !actor.unitIds.includes(assignment.unitId)) && actor.unitIds.includes(assignment.unitName) ? assignment.unitName : assignment.unitId ?? assignment.unitName ?? '';
    if (!authorize(actor, { unitId: holder }, action).ok) return false;
    if (!COMMAND_ALLOWED_STATUSES[action].includes(assignment.status as AssignmentStatus)) return false;
    if (action === 'decideExtension') return assignment.extensionPending;
    if (action === 'requestExtension') return !assignment.extensionPending;
    if (action === 'requestClosure') return !assignment.extensionPending;
    return true;
  });
}

export function mayDoPlanAction(actor: Actor, action: PlanAction): boolean {
  return authorizePlanAction(actor, action).ok;
}

/** An extension request without a decision after it, read from the event log (the read model does not list it yet). */
export function pendingExtension(events: readonly { type: string; payload: Record<string, unknown> }[]): { requestedDueDate: string; reason: string } | null {
  let pending: { requestedDueDate: string; reason: string } | null = null;
  for (const event of events) {
    if (event.type === 'extension_requested') pending = { requestedDueDate: String(event.payload.requestedDueDate ?? ''), reason: String(event.payload.reason ?? '') };
    else if (['extension_approved', 'extension_denied', 'reassigned', 'withdrawn'].includes(event.type)) pending = null;
  }
  return pending;
}
