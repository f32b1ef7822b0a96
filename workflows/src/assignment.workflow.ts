import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { compareBusinessDates, shanghaiDateOf, shanghaiInstant, type BusinessDate } from '@duban/calendar';
import {
  COMMAND_ALLOWED_STATUSES,
  computeTrafficLight,
  decide,
  dueEscalations,
  firstTextProblem,
  isTerminalStatus,
  issuedOverdue,
  ladderEntry,
  nextEscalationAt,
  NIGHTLY_WAKE_WINDOW,
  nightlyWakeOffsetMs,
  notificationForReminder,
  notificationsForEvent,
  upcomingReminders,
  type Actor,
  type AssignmentEvent,
  type AssignmentState,
  type DueMoment,
  type TrafficLight,
} from '@duban/domain';
import {
  assignmentUpdates,
  assignmentViewQuery,
  HUMAN_COMMAND_TYPES,
  lightKey,
  RECORDING_FAILURES,
  type AssignmentActionRequest,
  type AssignmentActivityApi,
  type AssignmentView,
  type AssignmentWorkflowInput,
} from './assignment.contract';
import { ACTIVITY_FAILURES } from './activity-failures.contract';

/**
 * Recording never retries forever: the activities classify their errors (data and
 * constraint errors fail at once, non-retryable), and transient ones (connection,
 * timeout, deadlock) are retried for at most an hour.
 */
const activities = proxyActivities<AssignmentActivityApi>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 100 },
});

/** Patch: one writer at a time through a FIFO mutex (the `busy` flag let two waiters in at once). */
const ONE_WRITER_PATCH = 'one-writer-mutex';
/**
 * Patch: an assignment issued after its deadline enters the ladder at its first step (before, its first
 * evaluation stamped every level at once). Only such assignments consult it, so others carry no marker.
 */
const LADDER_ENTRY_PATCH = 'ladder-entry-when-issued-overdue';
/**
 * Patch: the daily re-evaluation wakes at the assignment's own offset in the night window (00:05–05:00, see
 * nightlyWakeOffsetMs) rather than within half an hour of 00:05 (100,000 assignments woke together). A history
 * recorded before keeps its old timers on replay; a live workflow moves to the window at its next wake.
 */
const NIGHTLY_WAKE_PATCH = 'nightly-wake-window';
/** After a timer evaluation failed to record, the next try waits this long (the activity already retried). */
const TIMER_RETRY_MS = 60_000;

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
  const writer = new Mutex();
  /** When the last timer evaluation could not be recorded: the next one waits a while. */
  let timerRetryAt: number | null = null;

  /** The deadline the ladder climbs from (see LADDER_ENTRY_PATCH). */
  const ladderDue = (): DueMoment => (issuedOverdue(state) && patched(LADDER_ENTRY_PATCH) ? ladderEntry(state) : state);
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

  /**
   * Runs `work` as the only writer: events are numbered from `eventSeq`, so two
   * persists must never overlap. Histories recorded before the patch keep their old
   * waiting (a replay must issue the same commands); the mutex path also waits for a
   * writer that entered the old way before the patch.
   */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (patched(ONE_WRITER_PATCH)) {
      return writer.runExclusive(async () => {
        while (busy) await condition(() => !busy);
        busy = true;
        try {
          return await work();
        } finally {
          busy = false;
        }
      });
    }
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
          try {
            await persist(result.events, result.state);
          } catch (error) {
            // A recording that failed for good: the action is refused, not lost (nothing was recorded,
            // the state is unchanged). Anything else is a bug: it fails the workflow task, retried.
            if (!(error instanceof ActivityFailure)) throw error;
            throw recordingFailure(error);
          }
          return view();
        }),
      {
        // Rejected here, an illegal action leaves no trace in the workflow history.
        validator: (request: AssignmentActionRequest) => {
          if (request?.command?.type !== type) throw new Error(`update ${type} carries a ${String(request?.command?.type)} command`);
          // Text no store can hold (a NUL…) never reaches an activity, whoever sent it.
          const badText = firstTextProblem(request.command);
          if (badText) throw ApplicationFailure.create({ type: 'invalid_text', message: `${badText.path}：${badText.message}`, nonRetryable: true });
          const result = decide(state, request.command, { now: Date.now(), actor: request.actor });
          if (!result.ok) throw ApplicationFailure.create({ type: result.code, message: result.reason, nonRetryable: true });
        },
      },
    );
  }

  /** Applies whatever time has made due: ladder levels, reminders, a changed light. */
  async function onTimer(): Promise<void> {
    try {
      await evaluateTime();
      timerRetryAt = null;
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      // Recording failed for good (after the activity's own retries): try again later, keep running.
      log.warn('timer evaluation could not be recorded; retrying later', { assignmentId: identity.assignmentId, error: error.cause?.message ?? error.message });
      timerRetryAt = Date.now() + TIMER_RETRY_MS;
    }
  }

  async function evaluateTime(): Promise<void> {
    const now = Date.now();
    const today = shanghaiDateOf(now);
    if (ladderRuns(state)) {
      for (const scheduled of dueEscalations(settings.ladder, ladderDue(), now, state.reachedLevels)) {
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
    let wake = patched(NIGHTLY_WAKE_PATCH)
      ? shanghaiInstant(tomorrow, NIGHTLY_WAKE_WINDOW.from) + nightlyWakeOffsetMs(identity.assignmentId)
      : shanghaiInstant(tomorrow, '00:05') + jitterMs(identity.assignmentId);
    if (ladderRuns(state)) {
      const next = nextEscalationAt(settings.ladder, ladderDue(), state.reachedLevels);
      if (next) wake = Math.min(wake, Math.max(next.at + spread, now));
    }
    // The light turns red at the deadline.
    if (!isTerminalStatus(state.status) && state.dueAt > now) wake = Math.min(wake, state.dueAt + spread);
    if (settings.maxSleepMs !== undefined) wake = Math.min(wake, now + settings.maxSleepMs);
    if (timerRetryAt !== null) wake = Math.max(wake, timerRetryAt);
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
      await condition(() => !busy && !writer.isLocked() && allHandlersFinished());
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

/** A recording that failed for good, as the Update's rejection (the API maps its type to 422, 409 or 503). */
function recordingFailure(error: ActivityFailure): ApplicationFailure {
  const cause = error.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : null;
  if (type === ACTIVITY_FAILURES.data) {
    return ApplicationFailure.create({ type: RECORDING_FAILURES.refused, message: '该操作的内容无法保存，请检查填写的内容后重试', nonRetryable: true, cause: cause as Error });
  }
  if (type === ACTIVITY_FAILURES.sequenceConflict) {
    return ApplicationFailure.create({ type: RECORDING_FAILURES.conflict, message: '任务记录与流程状态不一致，操作未执行；请联系管理员运行 duban doctor', nonRetryable: true, cause: cause as Error });
  }
  return ApplicationFailure.create({ type: RECORDING_FAILURES.unavailable, message: '暂时无法保存该操作，请稍后重试', nonRetryable: true, cause: cause instanceof Error ? cause : undefined });
}
