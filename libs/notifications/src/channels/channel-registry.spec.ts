import { ChannelDeliveryError } from './channel-delivery-error';
import { createChannelRegistry, enabledChannelKinds, sendToSubscription } from './channel-registry';
import { loadChannelSettings } from './channel-settings';

describe('createChannelRegistry', () => {
  it('enables webhook, DingTalk and WeCom by default, and e-mail only with SMTP_URL', () => {
    expect(enabledChannelKinds(createChannelRegistry(loadChannelSettings({})))).toEqual(['webhook', 'dingtalk', 'wecom']);
    const withSmtp = createChannelRegistry(loadChannelSettings({ SMTP_URL: 'smtp://127.0.0.1:2525' }));
    expect(enabledChannelKinds(withSmtp)).toEqual(['webhook', 'dingtalk', 'wecom', 'email']);
    expect(withSmtp.email?.kind).toBe('email');
  });

  it('honours NOTIFY_CHANNELS', () => {
    expect(enabledChannelKinds(createChannelRegistry(loadChannelSettings({ NOTIFY_CHANNELS: 'wecom,email', SMTP_URL: 'smtp://127.0.0.1:2525' })))).toEqual([
      'wecom',
      'email',
    ]);
  });

  it('refuses, without retry, to send through a channel that is not enabled', async () => {
    const registry = createChannelRegistry(loadChannelSettings({ NOTIFY_CHANNELS: 'webhook' }));
    const sending = sendToSubscription(registry, { idempotencyKey: 'k', kind: 'x', recipient: 'u', title: 't', body: 'b' }, { kind: 'email', target: { to: 'a@b.example' } });
    await expect(sending).rejects.toBeInstanceOf(ChannelDeliveryError);
    await expect(sending).rejects.toMatchObject({ kind: 'email', retryable: false, message: 'email: channel is not enabled' });
  });
});
