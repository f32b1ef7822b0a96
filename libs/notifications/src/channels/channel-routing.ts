import { DAILY_DIGEST_KIND, isDigestible } from '../digest/notification-kinds';
import type { UnitChannelSubscription } from './channel-subscription';
import type { ChannelKind } from './notification-channel';

/** Which of a unit's subscriptions get a message now, and which get it later in the daily digest. */
export interface ChannelRoute {
  readonly now: readonly UnitChannelSubscription[];
  readonly inDigest: readonly UnitChannelSubscription[];
}

/** What routing needs of a message; `digest` is the outbox row's flag (the domain's decision), else isDigestible(kind). */
export interface RoutableMessage {
  readonly recipient: string;
  readonly kind: string;
  readonly digest?: boolean;
}

/**
 * Pure: routes one message to the recipient unit's subscriptions on enabled
 * channels. A digestible message goes now only to subscriptions without
 * digest; the daily digest itself goes only to those with digest; anything
 * else goes to all of them. The same target listed twice gets it once.
 */
export function routeToChannels(subscriptions: readonly UnitChannelSubscription[], message: RoutableMessage, enabled: Iterable<ChannelKind>): ChannelRoute {
  const enabledKinds = new Set(enabled);
  const mine = uniqueSubscriptions(subscriptions.filter((subscription) => subscription.unit === message.recipient && enabledKinds.has(subscription.kind)));
  if (message.kind === DAILY_DIGEST_KIND) return { now: mine.filter((subscription) => subscription.digest), inDigest: [] };
  if (!(message.digest ?? isDigestible(message.kind))) return { now: mine, inDigest: [] };
  return {
    now: mine.filter((subscription) => !subscription.digest),
    inDigest: mine.filter((subscription) => subscription.digest),
  };
}

/** Units that take a daily digest on at least one enabled channel. */
export function unitsWithDigest(subscriptions: readonly UnitChannelSubscription[], enabled: Iterable<ChannelKind>): string[] {
  const enabledKinds = new Set(enabled);
  const units = new Set(subscriptions.filter((subscription) => subscription.digest && enabledKinds.has(subscription.kind)).map((subscription) => subscription.unit));
  return [...units].sort();
}

/** A stable identity of a subscription's destination (kind + target with sorted keys), for de-duplication and job ids. */
export function subscriptionKey(subscription: UnitChannelSubscription): string {
  return `${subscription.kind}:${stableJson(subscription.target)}`;
}

function uniqueSubscriptions(subscriptions: readonly UnitChannelSubscription[]): UnitChannelSubscription[] {
  const seen = new Set<string>();
  return subscriptions.filter((subscription) => {
    const key = subscriptionKey(subscription);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
