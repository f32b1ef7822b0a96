import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { compareBusinessDates, shanghaiDateOf, shanghaiInstant, type BusinessDate } from '@duban/calendar';
import {
  COMMAND_ALLOWED_STATUSES,
  computeTrafficLight,
  decide,
  dueEscalations,
  isTerminalStatus,
  nextEscalationAt,
  notificationForReminder,
  notificationsForEvent,
  upcomingReminders,
  type Actor,
  type AssignmentEvent,
  type AssignmentState,
  type TrafficLight,
} from '@duban/domain';
import {
  assignmentUpdates,
  assignmentViewQuery,
  HUMAN_COMMAND_TYPES,
  lightKey,
  type AssignmentActionRequest,
  type AssignmentActivityApi,
  type AssignmentView,
  type AssignmentWorkflowInput,
} from './assignment.contract';

const activities = proxyActivities<AssignmentActivityApi>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const SYSTEM: Actor = { role: 'system', unitIds: [], id: 'timer' };

/** The ladder climbs only while the unit owes the work (it pauses while a closure request is verified). */
function ladderRuns(state: AssignmentState): boolean {
  return COMMAND_ALLOWED_STATUSES.escalate.includes(state.status);
}
const DAY_MS = 24 * 60 * 60 * 1000;
/** Continue as new before the history grows large, even when the server does not suggest it yet. */
const MAX_EVENTS_PER_RUN = 2_000;

/** Minutes of jitter (0–29) from the assignment id, so plan-wide deadlines do not fire all at once. */
function jitterMs(assignmentId: string): number {
  let hash = 0;
  for (let i = 0; i < assignmentId.length; i += 1) hash = (hash * 31 + assignmentId.charCodeAt(i)) | 0;
  return (Math.abs(hash) % 30) * 60_000;
}

/**
 * One assignment (task × unit × region) from issue to closure: human actions
 * arrive as Updates, validated against the domain rules; timers on the
 * working-day calendar send reminders and climb the escalation ladder; every
 * change is persisted by idempotent activities. Durable across crashes.
 */
export async function assignmentWorkflow(input: AssignmentWorkflowInput): Promise<AssignmentView> {
  const { identity, settings, recurring } = input;
  let state: AssignmentState = input.state;
  let { eventSeq, remindersThrough, lightKey: persistedLightKey } = input.cursor;
  let changes = 0;
  let busy = false;

  const lightOf = (at: number): TrafficLight => computeTrafficLight(state, at, settings.light);
  const view = (): AssignmentView => ({ identity, state, light: lightOf(Date.now()), eventSeq });
  const notified = () => ({ unitName: state.unitId, taskTitle: identity.taskTitle, taskNumber: identity.taskNumber, dueDate: state.dueDate });

  /** Persists events (with their notifications) and the resulting state; one writer at a time. */
  async function persist(events: readonly AssignmentEvent[], next: AssignmentState): Promise<void> {
    const fromSeq = eventSeq + 1;
    const light = computeTrafficLight(next, Date.now(), settings.light);
    const notifications = events.map((event, index) => ({
      seq: fromSeq + index,
      drafts: notificationsForEvent(event, { ...notified(), unitName: next.unitId, dueDate: next.dueDate }, settings.ladder),
    }));
    await activities.recordAssignmentEvents({ identity, fromSeq, events, state: next, light, notifications });
    state = next;
    eventSeq += events.length;
    persistedLightKey = lightKey(light);
    changes += 1;
  }

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    await condition(() => !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }

  setHandler(assignmentViewQuery, view);

  for (const type of HUMAN_COMMAND_TYPES) {
    setHandler(
      assignmentUpdates[type],
      (request: AssignmentActionRequest) =>
        exclusive(async () => {
          // Decided again here: an earlier update may have changed the state since validation.
          const result = decide(state, request.command, { now: Date.now(), actor: request.actor });
          if (!result.ok) throw ApplicationFailure.create({ type: result.code, message: result.reason, nonRetryable: true });
          await persist(result.events, result.state);
          return view();
        }),
      {
        // Rejected here, an illegal action leaves no trace in the workflow history.
        validator: (request: AssignmentActionRequest) => {
          if (request?.command?.type !== type) throw new Error(`update ${type} carries a ${String(request?.command?.type)} command`);
          const result = decide(state, request.command, { now: Date.now(), actor: request.actor });
          if (!result.ok) throw ApplicationFailure.create({ type: result.code, message: result.reason, nonRetryable: true });
        },
      },
    );
  }

  /** Applies whatever time has made due: ladder levels, reminders, a changed light. */
  async function onTimer(): Promise<void> {
    const now = Date.now();
    const today = shanghaiDateOf(now);
    if (ladderRuns(state)) {
      for (const scheduled of dueEscalations(settings.ladder, state, now, state.reachedLevels)) {
        const result = decide(state, { type: 'escalate', level: scheduled.level }, { now, actor: SYSTEM });
        if (result.ok) await persist(result.events, result.state);
      }
    }
    if (!isTerminalStatus(state.status)) {
      const reminders = upcomingReminders(state, remindersThrough, { settings: settings.reminders, recurring, recurrenceAnchor: state.startDate }).filter(
        (reminder) => compareBusinessDates(reminder.date, today) <= 0,
      );
      if (reminders.length > 0) {
        await activities.recordReminders({ identity, date: today, notifications: reminders.map((reminder) => notificationForReminder(reminder, notified())) });
      }
    }
    if (compareBusinessDates(today, remindersThrough) > 0) remindersThrough = today;
    const light = lightOf(now);
    if (lightKey(light) !== persistedLightKey) {
      await activities.recordAssignmentLight({ identity, version: eventSeq, light });
      persistedLightKey = lightKey(light);
    }
  }

  /** The next instant something may be due: a ladder level, or the next day's re-evaluation. */
  function nextWakeAt(now: number): number {
    const tomorrow: BusinessDate = shanghaiDateOf(now + DAY_MS);
    // Business-day events of a whole plan (its 09:00 ladder steps, its midnight deadlines) are spread over
    // half an hour; test-speed ladders in milliseconds keep exact times.
    const spread = settings.ladder.steps.some((step) => step.afterMs !== undefined) ? 0 : jitterMs(identity.assignmentId);
    let wake = shanghaiInstant(tomorrow, '00:05') + jitterMs(identity.assignmentId);
    if (ladderRuns(state)) {
      const next = nextEscalationAt(settings.ladder, state, state.reachedLevels);
      if (next) wake = Math.min(wake, Math.max(next.at + spread, now));
    }
    // The light turns red at the deadline.
    if (!isTerminalStatus(state.status) && state.dueAt > now) wake = Math.min(wake, state.dueAt + spread);
    if (settings.maxSleepMs !== undefined) wake = Math.min(wake, now + settings.maxSleepMs);
    return wake;
  }

  // First evaluation: a freshly issued assignment persists its initial light.
  await exclusive(onTimer);

  while (!isTerminalStatus(state.status)) {
    const now = Date.now();
    const seen = changes;
    const sleepMs = Math.max(nextWakeAt(now) - now, 1);
    const woke = await condition(() => changes !== seen || isTerminalStatus(state.status), sleepMs);
    if (!woke) await exclusive(onTimer);

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > MAX_EVENTS_PER_RUN) {
      await condition(() => !busy && allHandlersFinished());
      await continueAsNew<typeof assignmentWorkflow>({
        identity,
        state,
        settings,
        recurring,
        cursor: { eventSeq, remindersThrough, lightKey: persistedLightKey, runs: input.cursor.runs + 1 },
      });
    }
  }

  // Let in-flight updates finish and reply before the workflow completes.
  await condition(allHandlersFinished);
  return view();
}
