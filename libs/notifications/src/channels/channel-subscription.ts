import type { ChannelTargets } from './channel-target';
import type { ChannelKind } from './notification-channel';

/**
 * A unit's wish to receive its notifications on one channel. With `digest`,
 * reminders and urges reach this channel once a day as the unit's digest;
 * without it, every message is sent at once. Urgent kinds (约谈, 办结退回,
 * 延期审批) are always sent at once.
 */
export type UnitChannelSubscription = {
  readonly [K in ChannelKind]: {
    readonly unit: string;
    readonly kind: K;
    readonly target: ChannelTargets[K];
    readonly digest: boolean;
  };
}[ChannelKind];

export type UnitChannelSubscriptionOf<K extends ChannelKind> = Extract<UnitChannelSubscription, { readonly kind: K }>;
