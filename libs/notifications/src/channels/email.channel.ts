import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { ChannelDeliveryError } from './channel-delivery-error';
import type { EmailTarget } from './channel-target';
import { quote } from './http-post';
import type { ChannelMessage, NotificationChannel } from './notification-channel';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:port or smtps://… */
  readonly smtpUrl: string;
  /** From header, e.g. 'Duban 督办 <noreply@duban.local>'. */
  readonly from: string;
  /** Connection, greeting and idle-socket timeout. */
  readonly timeoutMs: number;
}

/**
 * A Message-ID derived from the idempotency key: a re-sent message carries the
 * same id, so mail clients and archives recognise (and may collapse) the copy.
 */
export function emailMessageId(idempotencyKey: string, from: string): string {
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
  return `<${hash}.notification@${senderDomain(from)}>`;
}

/** Plain-text body: the message, then the link on its own line. */
export function emailText(message: ChannelMessage): string {
  const parts = [message.body.trimEnd()];
  if (message.link) parts.push(`详情：${message.link}`);
  parts.push('——\n此邮件由督办系统自动发送，请勿直接回复。');
  return `${parts.join('\n\n')}\n`;
}

/** SMTP e-mail via nodemailer: subject = title, plain text body. */
export function createEmailChannel(options: EmailChannelOptions): NotificationChannel<'email'> {
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    kind: 'email',
    async send(message: ChannelMessage, target: EmailTarget) {
      const to = typeof target.to === 'string' ? [target.to] : [...target.to];
      if (to.length === 0) throw new ChannelDeliveryError('email', 'no recipient address configured', { retryable: false });
      const messageId = emailMessageId(message.idempotencyKey, options.from);
      try {
        const info = await transport.sendMail({
          from: options.from,
          to,
          subject: message.title,
          text: emailText(message),
          messageId,
          date: message.at === undefined ? new Date() : new Date(message.at),
          headers: { 'X-Duban-Kind': message.kind },
        });
        return { kind: 'email', providerMessageId: info.messageId, response: info.response };
      } catch (error) {
        throw smtpError(error);
      }
    },
  };
}

interface SmtpFailure {
  readonly message?: string;
  readonly code?: string;
  readonly responseCode?: number;
  readonly permanent?: boolean;
}

/** Codes of failures that are the configuration's or the message's fault: the same send would fail again. */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['EAUTH', 'ECONFIG', 'EENVELOPE', 'EMESSAGE', 'ETLS']);

/**
 * SMTP 5xx replies (except 503, per RFC 5321 and nodemailer's `permanent`) are
 * permanent; 4xx replies and dropped connections or timeouts are worth retrying.
 */
export function smtpError(error: unknown): ChannelDeliveryError {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? (error as SmtpFailure) : { message: String(error) };
  const retryable =
    failure.permanent !== undefined
      ? !failure.permanent
      : failure.responseCode !== undefined
        ? failure.responseCode < 500 || failure.responseCode === 503
        : !(failure.code !== undefined && PERMANENT_CODES.has(failure.code));
  const label = [failure.code, failure.responseCode].filter((part) => part !== undefined).join(' ');
  return new ChannelDeliveryError('email', `${label ? `${label}: ` : ''}${quote(failure.message ?? 'send failed')}`, {
    retryable,
    ...(failure.responseCode === undefined ? {} : { errcode: failure.responseCode }),
    cause: error,
  });
}

function senderDomain(from: string): string {
  const match = /@([^\s<>@]+?)>?\s*$/.exec(from);
  return match ? match[1] : 'duban.local';
}
