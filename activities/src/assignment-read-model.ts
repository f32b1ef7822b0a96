import type { TrafficLight } from '@duban/domain';
import type { AssignmentState } from '@duban/domain';
import type { AssignmentEntity, JsonObject, JsonValue } from '@duban/persistence';

/** The read-model columns that follow from a domain state and its light. */
export function readModelColumns(state: AssignmentState, light: TrafficLight): Partial<AssignmentEntity> {
  return {
    status: state.status,
    light: light.color,
    lightReasons: light.reasons as unknown as JsonValue[],
    dueDate: state.dueDate,
    originalDueDate: state.originalDueDate,
    dueAt: new Date(state.dueAt),
    percent: state.lastReport?.percent ?? null,
    actualValue: state.lastReport?.actualValue ?? null,
    escalationLevel: state.reachedLevels.length ? state.reachedLevels[state.reachedLevels.length - 1]! : null,
    talkCount: state.talkCount,
    bulletinCount: state.bulletinCount,
    closureRejectionCount: state.closureRejectionCount,
    lastReportAt: state.lastReport ? new Date(state.lastReport.at) : null,
    acceptedAt: state.acceptedAt !== null ? new Date(state.acceptedAt) : null,
    closedAt: state.closedAt !== null ? new Date(state.closedAt) : null,
    unitName: state.unitId,
    state: state as unknown as JsonObject,
  };
}
