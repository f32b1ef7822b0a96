import {
  DEFAULT_ESCALATION_LADDER,
  validateLadder,
  type EscalationLadder,
  type ReminderSettings,
  type TrafficLightSettings,
} from '@duban/domain';
import type { AssignmentRunSettings } from './assignment.contract';

/** A plan's stored settings (plans.settings): every field optional, defaults from the domain. */
export interface PlanRunSettings {
  readonly ladder?: EscalationLadder;
  readonly reminders?: Partial<ReminderSettings>;
  readonly light?: Partial<TrafficLightSettings>;
  readonly maxSleepMs?: number;
  /**
   * Test-speed deadlines: assignments fall due this many ms after publishing
   * instead of at their business due date. Never set in production.
   */
  readonly dueInMs?: number;
  /** Due date of tasks that name none, in a plan without a period (set by the coordinator when publishing). */
  readonly defaultDueDate?: string;
}

/** The settings an assignment workflow runs with; throws with the reason on an invalid ladder. */
export function resolveRunSettings(stored: PlanRunSettings | null | undefined): AssignmentRunSettings {
  const ladder = stored?.ladder ?? DEFAULT_ESCALATION_LADDER;
  const validation = validateLadder(ladder);
  if (!validation.ok) throw new Error(`invalid escalation ladder: ${validation.errors.join('; ')}`);
  return {
    ladder,
    reminders: stored?.reminders ?? {},
    light: stored?.light ?? {},
    ...(stored?.maxSleepMs !== undefined ? { maxSleepMs: stored.maxSleepMs } : {}),
  };
}
