import { ChannelConfigError, loadChannelSettings } from './channel-settings';

describe('loadChannelSettings', () => {
  it('uses the documented defaults: all channels, 5 s webhooks, no e-mail', () => {
    expect(loadChannelSettings({})).toEqual({
      enabled: ['webhook', 'dingtalk', 'wecom', 'email'],
      webhookTimeoutMs: 5000,
      smtpUrl: null,
      smtpFrom: 'Duban 督办 <noreply@duban.local>',
      smtpTimeoutMs: 10000,
    });
  });

  it('reads every variable', () => {
    expect(
      loadChannelSettings({
        NOTIFY_CHANNELS: ' WeCom , email,wecom',
        NOTIFY_WEBHOOK_TIMEOUT_MS: '1500',
        SMTP_URL: 'smtp://user:pass@mail.example:2525',
        SMTP_FROM: 'noreply@gov.example',
        SMTP_TIMEOUT_MS: '3000',
      }),
    ).toEqual({
      enabled: ['wecom', 'email'],
      webhookTimeoutMs: 1500,
      smtpUrl: 'smtp://user:pass@mail.example:2525',
      smtpFrom: 'noreply@gov.example',
      smtpTimeoutMs: 3000,
    });
  });

  it('treats empty values as unset and "none" as no channel', () => {
    expect(loadChannelSettings({ SMTP_URL: '', NOTIFY_WEBHOOK_TIMEOUT_MS: '' })).toMatchObject({ smtpUrl: null, webhookTimeoutMs: 5000 });
    expect(loadChannelSettings({ NOTIFY_CHANNELS: 'none' }).enabled).toEqual([]);
  });

  it('fails fast on bad values, naming the variable', () => {
    expect(() => loadChannelSettings({ NOTIFY_CHANNELS: 'webhook,sms' })).toThrow(new ChannelConfigError('NOTIFY_CHANNELS lists an unknown channel "sms" (known: webhook, dingtalk, wecom, email, or none)'));
    expect(() => loadChannelSettings({ NOTIFY_WEBHOOK_TIMEOUT_MS: '0' })).toThrow(/NOTIFY_WEBHOOK_TIMEOUT_MS/);
    expect(() => loadChannelSettings({ SMTP_TIMEOUT_MS: '1.5' })).toThrow(/SMTP_TIMEOUT_MS/);
    expect(() => loadChannelSettings({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must use smtp or smtps/);
  });

  it('does not echo an unparsable SMTP_URL, which may hold a password', () => {
    expect(() => loadChannelSettings({ SMTP_URL: 'not a url s3cret' })).toThrow(new ChannelConfigError('SMTP_URL is not a URL'));
  });
});
