/**
 * The daily re-evaluation of an open assignment (reminders due that day, a light that changes with the date)
 * happens at night, Shanghai time, inside this window: a city's hundreds of thousands of assignments would
 * otherwise all wake in the same minute. Five hours: lights are right before anyone starts work.
 */
export const NIGHTLY_WAKE_WINDOW = { from: '00:05', minutes: 295 } as const;

/**
 * The assignment's fixed offset into NIGHTLY_WAKE_WINDOW, in whole seconds (as ms): a hash of its id (FNV-1a),
 * so the same assignment wakes at the same time every night, on every worker and in every replay.
 */
export function nightlyWakeOffsetMs(assignmentId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < assignmentId.length; i += 1) {
    hash ^= assignmentId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % (NIGHTLY_WAKE_WINDOW.minutes * 60)) * 1000;
}
