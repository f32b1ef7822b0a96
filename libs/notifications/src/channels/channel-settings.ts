import { CHANNEL_KINDS, isChannelKind, type ChannelKind } from './notification-channel';
import { processEnvironment } from '@duban/config';

/** Channel configuration from the environment; every variable is optional. */
export interface ChannelSettings {
  /** Channels that may be used at all (NOTIFY_CHANNELS). E-mail also needs SMTP_URL. */
  readonly enabled: readonly ChannelKind[];
  /** Timeout of one webhook / robot request (NOTIFY_WEBHOOK_TIMEOUT_MS). */
  readonly webhookTimeoutMs: number;
  /** SMTP server (SMTP_URL); null disables e-mail. */
  readonly smtpUrl: string | null;
  /** From header of e-mails (SMTP_FROM). */
  readonly smtpFrom: string;
  /** SMTP connection, greeting and idle timeout (SMTP_TIMEOUT_MS). */
  readonly smtpTimeoutMs: number;
}

export const CHANNEL_ENV_DEFAULTS = {
  NOTIFY_CHANNELS: CHANNEL_KINDS.join(','),
  NOTIFY_WEBHOOK_TIMEOUT_MS: '5000',
  SMTP_URL: '',
  SMTP_FROM: 'Duban 督办 <noreply@duban.local>',
  SMTP_TIMEOUT_MS: '10000',
} as const;

export type ChannelEnvName = keyof typeof CHANNEL_ENV_DEFAULTS;

export class ChannelConfigError extends Error {
  override readonly name = 'ChannelConfigError';
}

/** Reads the channel settings; fails fast, naming the variable, on a bad value. */
export function loadChannelSettings(env: Readonly<Record<string, string | undefined>> = processEnvironment()): ChannelSettings {
  const raw = (name: ChannelEnvName): string => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? CHANNEL_ENV_DEFAULTS[name] : value;
  };
  const milliseconds = (name: ChannelEnvName): number => {
    const value = Number(raw(name));
    if (!Number.isInteger(value) || value <= 0) throw new ChannelConfigError(`${name} must be a positive number of milliseconds, got "${raw(name)}"`);
    return value;
  };

  const enabled: ChannelKind[] = [];
  for (const item of raw('NOTIFY_CHANNELS').split(',')) {
    const kind = item.trim().toLowerCase();
    if (kind === '' || kind === 'none') continue;
    if (!isChannelKind(kind)) throw new ChannelConfigError(`NOTIFY_CHANNELS lists an unknown channel "${kind}" (known: ${CHANNEL_KINDS.join(', ')}, or none)`);
    if (!enabled.includes(kind)) enabled.push(kind);
  }

  const smtpUrl = raw('SMTP_URL') || null;
  if (smtpUrl !== null) {
    let protocol: string;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // The URL may hold a password: do not echo it.
      throw new ChannelConfigError('SMTP_URL is not a URL');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ChannelConfigError(`SMTP_URL must use smtp or smtps, got "${protocol}"`);
  }

  return {
    enabled,
    webhookTimeoutMs: milliseconds('NOTIFY_WEBHOOK_TIMEOUT_MS'),
    smtpUrl,
    smtpFrom: raw('SMTP_FROM'),
    smtpTimeoutMs: milliseconds('SMTP_TIMEOUT_MS'),
  };
}
