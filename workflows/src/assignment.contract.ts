import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BusinessDate } from '@duban/calendar';
import { ASSIGNMENT_COMMAND_TYPES } from '@duban/domain';
import type {
  Actor,
  AssignmentCommand,
  AssignmentCommandType,
  AssignmentEvent,
  AssignmentState,
  EscalationLadder,
  LightColor,
  NotificationDraft,
  RecurringObligation,
  ReminderSettings,
  TrafficLight,
  TrafficLightSettings,
} from '@duban/domain';

/** How one plan's assignments run; the defaults come from the domain. Durations here are inputs so tests run in seconds. */
export interface AssignmentRunSettings {
  readonly ladder: EscalationLadder;
  readonly reminders: Partial<ReminderSettings>;
  readonly light: Partial<TrafficLightSettings>;
  /**
   * Longest sleep between re-evaluations of lights and reminders (default: until the next
   * Shanghai midnight, spread by a per-assignment jitter). Tests pass a few hundred ms.
   */
  readonly maxSleepMs?: number;
}

/** What the workflow knows about its assignment beyond the domain state (for notifications and persistence). */
export interface AssignmentIdentity {
  readonly assignmentId: string;
  readonly planId: string;
  readonly unitName: string;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
}

export interface AssignmentWorkflowInput {
  readonly identity: AssignmentIdentity;
  readonly state: AssignmentState;
  readonly settings: AssignmentRunSettings;
  readonly recurring: readonly RecurringObligation[];
  /** Carried across continueAsNew. */
  readonly cursor: AssignmentCursor;
}

export interface AssignmentCursor {
  /** Sequence number of the last event persisted. */
  readonly eventSeq: number;
  /** Reminders dated up to and including this business date were sent. */
  readonly remindersThrough: BusinessDate;
  /** The light last persisted, so an unchanged light is not written again. */
  readonly lightKey: string | null;
  readonly runs: number;
}

/** Live state (Temporal query); lists and search read the Postgres read model instead. */
export interface AssignmentView {
  readonly identity: AssignmentIdentity;
  readonly state: AssignmentState;
  readonly light: TrafficLight;
  readonly eventSeq: number;
}

/** A human action: the command and who issues it (the API authenticates; the workflow authorizes). */
export interface AssignmentActionRequest {
  readonly command: AssignmentCommand;
  readonly actor: Actor;
}

export type HumanCommandType = Exclude<AssignmentCommandType, 'escalate'>;

/** Every command a person issues (the timer's `escalate` is the workflow's own). */
export const HUMAN_COMMAND_TYPES: readonly HumanCommandType[] = ASSIGNMENT_COMMAND_TYPES.filter(
  (type): type is HumanCommandType => type !== 'escalate',
);

/** One Temporal Update per human action (签收, 反馈, 申请办结…), each validated before it is accepted. */
export const assignmentUpdates: Readonly<Record<HumanCommandType, ReturnType<typeof defineUpdate<AssignmentView, [AssignmentActionRequest]>>>> =
  Object.fromEntries(HUMAN_COMMAND_TYPES.map((type) => [type, defineUpdate<AssignmentView, [AssignmentActionRequest]>(type)])) as Record<
    HumanCommandType,
    ReturnType<typeof defineUpdate<AssignmentView, [AssignmentActionRequest]>>
  >;

export const assignmentViewQuery = defineQuery<AssignmentView>('view');

/**
 * Why an Update was refused after it passed the domain's rules: its recording failed
 * for good. `refused`: the store rejected the content (a data error); `conflict`: the
 * event log already holds that sequence number with other content (record and workflow
 * disagree); `unavailable`: the database stayed unreachable through every retry.
 */
export const RECORDING_FAILURES = {
  refused: 'recording_refused',
  conflict: 'recording_conflict',
  unavailable: 'recording_unavailable',
} as const;

export interface RecordEventsInput {
  readonly identity: AssignmentIdentity;
  /** Sequence number of the first event in `events` (events are numbered consecutively). */
  readonly fromSeq: number;
  readonly events: readonly AssignmentEvent[];
  readonly state: AssignmentState;
  readonly light: TrafficLight;
  readonly notifications: readonly { readonly seq: number; readonly drafts: readonly NotificationDraft[] }[];
}

export interface RecordRemindersInput {
  readonly identity: AssignmentIdentity;
  /** Business date the reminders were due on: part of their idempotency key. */
  readonly date: BusinessDate;
  readonly notifications: readonly NotificationDraft[];
}

/** The activities the assignment workflow calls; implemented in activities/. */
export interface AssignmentActivityApi {
  /** Appends events, updates the read model and writes outbox rows in one transaction, then enqueues delivery. Idempotent. */
  recordAssignmentEvents(input: RecordEventsInput): Promise<void>;
  /** Updates only the light of the read model (time passing turns lights yellow or red). */
  recordAssignmentLight(input: { identity: AssignmentIdentity; version: number; light: TrafficLight }): Promise<void>;
  /** Writes reminder notifications (batched into daily digests). Idempotent per assignment, date and kind. */
  recordReminders(input: RecordRemindersInput): Promise<void>;
}

export type { LightColor };

/** A light's identity for change detection: colour and reason codes (the texts change daily). */
export function lightKey(light: TrafficLight): string {
  return `${light.color}|${light.reasons.map((reason) => reason.code).join(',')}`;
}
