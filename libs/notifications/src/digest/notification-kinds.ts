/**
 * The notification kinds Duban writes to the outbox (libs/domain
 * event-notifications: `assignment.<event type>`, `reminder.<reminder kind>`),
 * with the digest section each belongs to and whether it is batched into the
 * daily digest by default. The domain may decide per message instead (the
 * outbox row's `digest` flag: an escalation to 催办 is batched, to 督办 not).
 */
export const NOTIFICATION_KINDS = [
  { kind: 'assignment.talk_triggered', label: '约谈', digest: false },
  { kind: 'assignment.escalated', label: '逾期', digest: false },
  { kind: 'assignment.urged', label: '催办', digest: true },
  { kind: 'assignment.closure_rejected', label: '办结退回', digest: false },
  { kind: 'assignment.extension_approved', label: '延期批准', digest: false },
  { kind: 'assignment.extension_denied', label: '延期未获批准', digest: false },
  { kind: 'assignment.reassigned', label: '改派', digest: false },
  { kind: 'assignment.withdrawn', label: '撤销', digest: false },
  { kind: 'assignment.closure_approved', label: '办结销号', digest: false },
  { kind: 'assignment.closure_requested', label: '办结待审核', digest: false },
  { kind: 'assignment.extension_requested', label: '延期待审批', digest: false },
  { kind: 'assignment.declined', label: '退办', digest: false },
  { kind: 'reminder.due_soon', label: '即将到期', digest: true },
  { kind: 'reminder.acceptance', label: '待签收', digest: true },
  { kind: 'reminder.progress_report', label: '进展反馈提醒', digest: true },
  { kind: 'reminder.recurring_duty', label: '常态化任务提醒', digest: true },
] as const;

export type KnownNotificationKind = (typeof NOTIFICATION_KINDS)[number]['kind'];

/**
 * Digest sections, most severe first. 督办 and 通报 have no kind of their own
 * (an assignment.urged of level supervise is a 督办): callers name the section.
 */
export const DIGEST_SECTION_ORDER: readonly string[] = [
  '约谈',
  '通报',
  '逾期',
  '督办',
  '催办',
  '办结退回',
  '延期未获批准',
  '延期批准',
  '即将到期',
  '待签收',
  '进展反馈提醒',
  '常态化任务提醒',
  '改派',
  '撤销',
  '退办',
  '办结待审核',
  '延期待审批',
  '办结销号',
];

/** The kind of the daily digest message itself. */
export const DAILY_DIGEST_KIND = 'digest.daily';

/** Section label of kinds this table does not know. */
export const OTHER_KIND_LABEL = '其他通知';

const BY_KIND: ReadonlyMap<string, (typeof NOTIFICATION_KINDS)[number]> = new Map(NOTIFICATION_KINDS.map((entry) => [entry.kind, entry]));

/**
 * Whether messages of this kind are batched into the daily digest by default
 * (urges, reminders, due-soon warnings). Talks, closure and extension
 * decisions, and any kind not in the table are sent at once: an unknown kind
 * is never held back.
 */
export function isDigestible(kind: string): boolean {
  return BY_KIND.get(kind)?.digest ?? false;
}

/** The digest section of a kind: 催办, 即将到期… or 其他通知. */
export function notificationKindLabel(kind: string): string {
  return BY_KIND.get(kind)?.label ?? OTHER_KIND_LABEL;
}

/** Position of a section in the digest; unknown sections after all known ones. */
export function digestSectionRank(label: string): number {
  const index = DIGEST_SECTION_ORDER.indexOf(label);
  return index === -1 ? DIGEST_SECTION_ORDER.length : index;
}
