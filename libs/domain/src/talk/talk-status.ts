/**
 * The course of a 约谈 (talk) record: proposed (by the ladder, a bulletin or an assessment) or triggered by a
 * coordinator → scheduled → held → rectification reported → verified, or escalated. Cancelled ends a proposal
 * that will not be pursued. These sets are the one home of the vocabulary (SQL, entities and screens import them).
 */
export const TALK_STATUSES = ['proposed', 'scheduled', 'held', 'rectification_reported', 'verified', 'escalated', 'cancelled'] as const;
export type TalkStatus = (typeof TALK_STATUSES)[number];

/** Still running: at most one such talk per assignment (a partial unique index enforces it). */
export const OPEN_TALK_STATUSES: readonly TalkStatus[] = ['proposed', 'scheduled', 'held', 'rectification_reported'];

/** A talk that took place: what the bulletin and the annual assessment count (by held_at). */
export const HELD_TALK_STATUSES: readonly TalkStatus[] = ['held', 'rectification_reported', 'verified', 'escalated'];

/** Where a talk came from. */
export const TALK_SOURCES = ['ladder', 'bulletin', 'assessment', 'manual'] as const;
export type TalkSource = (typeof TALK_SOURCES)[number];

/** Who is talked to: the unit's principal (单位主要负责人) or the responsible deputy (分管负责人). */
export const TALK_TARGETS = ['principal', 'deputy'] as const;
export type TalkTarget = (typeof TALK_TARGETS)[number];

export function isTalkStatus(value: unknown): value is TalkStatus {
  return typeof value === 'string' && (TALK_STATUSES as readonly string[]).includes(value);
}

export function isTalkTarget(value: unknown): value is TalkTarget {
  return typeof value === 'string' && (TALK_TARGETS as readonly string[]).includes(value);
}

/** SQL list of the statuses, e.g. for a partial index or a filter: `'proposed', 'scheduled'`. */
export function sqlTalkStatusList(statuses: readonly TalkStatus[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}
