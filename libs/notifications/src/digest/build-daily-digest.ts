import type { ChannelMessage } from '../channels/notification-channel';
import { chineseDate, isDigestDate } from './digest-date';
import { DAILY_DIGEST_KIND, digestSectionRank, notificationKindLabel } from './notification-kinds';

/** One held-back notification, as the digest needs it. */
export interface DigestItem {
  /** The outbox idempotency key: the same notification listed twice is counted once. */
  readonly idempotencyKey: string;
  readonly kind: string;
  readonly title: string;
  /** The section to list it in (e.g. 督办 for an urge of level supervise); defaults to the kind's label. */
  readonly section?: string;
  /** Epoch ms; orders the titles within a section. */
  readonly at?: number;
}

export interface DailyDigestOptions {
  /** Titles listed per section before "…及其他 K 条" (default 5). */
  readonly maxTitlesPerSection?: number;
  /** Longest title listed, in characters (default 60). */
  readonly maxTitleLength?: number;
  /** Link to the unit's inbox in Duban. */
  readonly link?: string;
  /** The unit's name, shown in the text when `unit` is its directory id (default: `unit` itself). */
  readonly unitName?: string;
}

const DEFAULT_MAX_TITLES = 5;
const DEFAULT_MAX_TITLE_LENGTH = 60;

/** `digest:<unit>:<date>`: the digest is sent at most once per unit per day. */
export function dailyDigestKey(unit: string, date: string): string {
  return `digest:${unit}:${date}`;
}

/**
 * Pure: one message summarising a unit's held-back notifications of a day,
 * one section per kind (most severe first) with its count and first titles.
 * The same set of items gives the same message whatever their order, so a
 * retried digest job sends identical content. Returns null when there is
 * nothing to send.
 */
export function buildDailyDigest(unit: string, messages: readonly DigestItem[], date: string, options: DailyDigestOptions = {}): ChannelMessage | null {
  if (!isDigestDate(date)) throw new RangeError(`digest date must be YYYY-MM-DD, got "${date}"`);
  if (unit.trim() === '') throw new RangeError('digest unit must not be empty');
  const maxTitles = options.maxTitlesPerSection ?? DEFAULT_MAX_TITLES;
  const maxTitleLength = options.maxTitleLength ?? DEFAULT_MAX_TITLE_LENGTH;
  if (!Number.isInteger(maxTitles) || maxTitles < 0) throw new RangeError(`maxTitlesPerSection must be a whole number ≥ 0, got ${maxTitles}`);
  if (!Number.isInteger(maxTitleLength) || maxTitleLength < 1) throw new RangeError(`maxTitleLength must be a whole number ≥ 1, got ${maxTitleLength}`);

  const items = uniqueByKey(messages);
  if (items.length === 0) return null;

  const sections = groupBySection(items);
  const shownName = options.unitName?.trim() || unit;
  const lines = [`${shownName}：${chineseDate(date)}共有 ${items.length} 条督办提醒，汇总如下。`];
  for (const section of sections) {
    lines.push('', `【${section.label}】${section.items.length} 条`);
    section.items.slice(0, maxTitles).forEach((item, index) => lines.push(`${index + 1}. ${shorten(item.title, maxTitleLength)}`));
    const rest = section.items.length - Math.min(maxTitles, section.items.length);
    if (rest > 0) lines.push(maxTitles === 0 ? `共 ${rest} 条` : `…及其他 ${rest} 条`);
  }
  lines.push('', '请登录督办系统查看详情并及时办理。');

  const summary = sections.map((section) => `${section.label}${section.items.length}`).join('、');
  return {
    idempotencyKey: dailyDigestKey(unit, date),
    kind: DAILY_DIGEST_KIND,
    recipient: unit,
    ...(options.unitName?.trim() ? { recipientName: options.unitName.trim() } : {}),
    title: `督办日报（${chineseDate(date)}）：${items.length} 条提醒（${summary}）`,
    body: lines.join('\n'),
    ...(options.link === undefined ? {} : { link: options.link }),
  };
}

interface DigestSection {
  readonly label: string;
  readonly items: DigestItem[];
}

/** Sections (unknown kinds share 其他通知), most severe first; items by time, then title, then key. */
function groupBySection(items: readonly DigestItem[]): DigestSection[] {
  const sections = new Map<string, { label: string; items: DigestItem[] }>();
  for (const item of items) {
    const label = item.section?.trim() || notificationKindLabel(item.kind);
    const section = sections.get(label) ?? { label, items: [] };
    section.items.push(item);
    sections.set(label, section);
  }
  return [...sections.values()]
    .sort((a, b) => digestSectionRank(a.label) - digestSectionRank(b.label) || compareText(a.label, b.label))
    .map(({ label, items: sectionItems }) => ({ label, items: [...sectionItems].sort(compareItems) }));
}

function compareItems(a: DigestItem, b: DigestItem): number {
  const at = (a.at ?? Number.MAX_SAFE_INTEGER) - (b.at ?? Number.MAX_SAFE_INTEGER);
  return at || compareText(a.title, b.title) || compareText(a.idempotencyKey, b.idempotencyKey);
}

/** Code-unit order: locale-independent, so every machine builds the same digest. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueByKey(items: readonly DigestItem[]): DigestItem[] {
  const byKey = new Map<string, DigestItem>();
  for (const item of items) if (!byKey.has(item.idempotencyKey)) byKey.set(item.idempotencyKey, item);
  return [...byKey.values()];
}

/** Cuts a title to maxLength characters (code points, never half a surrogate pair). */
function shorten(title: string, maxLength: number): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= maxLength ? flat : `${chars.slice(0, maxLength - 1).join('')}…`;
}
