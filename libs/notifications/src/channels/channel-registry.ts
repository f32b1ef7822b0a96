import { ChannelDeliveryError } from './channel-delivery-error';
import type { ChannelSettings } from './channel-settings';
import type { ChannelTargetOf } from './channel-target';
import { createDingTalkChannel } from './dingtalk.channel';
import { createEmailChannel } from './email.channel';
import type { ChannelKind, ChannelMessage, ChannelResult, NotificationChannel } from './notification-channel';
import { createWebhookChannel } from './webhook.channel';
import { createWeComChannel } from './wecom.channel';

/** The enabled channels, by kind. */
export type ChannelRegistry = { readonly [K in ChannelKind]?: NotificationChannel<K> };

/**
 * Builds the channels the settings enable. Webhook, DingTalk and WeCom need
 * nothing but each unit's target; e-mail needs SMTP_URL and is left out without it.
 */
export function createChannelRegistry(settings: ChannelSettings): ChannelRegistry {
  const enabled = new Set(settings.enabled);
  const timeoutMs = settings.webhookTimeoutMs;
  return {
    ...(enabled.has('webhook') ? { webhook: createWebhookChannel({ timeoutMs }) } : {}),
    ...(enabled.has('dingtalk') ? { dingtalk: createDingTalkChannel({ timeoutMs }) } : {}),
    ...(enabled.has('wecom') ? { wecom: createWeComChannel({ timeoutMs }) } : {}),
    ...(enabled.has('email') && settings.smtpUrl !== null
      ? { email: createEmailChannel({ smtpUrl: settings.smtpUrl, from: settings.smtpFrom, timeoutMs: settings.smtpTimeoutMs }) }
      : {}),
  };
}

/** The kinds a registry holds, for routeToChannels. */
export function enabledChannelKinds(registry: ChannelRegistry): ChannelKind[] {
  return (Object.keys(registry) as ChannelKind[]).filter((kind) => registry[kind] !== undefined);
}

/** Sends through the subscription's channel; a channel the registry lacks is a non-retryable error. */
export async function sendToSubscription<K extends ChannelKind>(
  registry: ChannelRegistry,
  message: ChannelMessage,
  subscription: { readonly kind: K; readonly target: ChannelTargetOf<K> },
): Promise<ChannelResult> {
  const channel = registry[subscription.kind] as NotificationChannel<K> | undefined;
  if (channel === undefined) throw new ChannelDeliveryError(subscription.kind, 'channel is not enabled', { retryable: false });
  return channel.send(message, subscription.target);
}
