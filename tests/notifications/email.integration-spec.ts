import { closedPort } from './support/http-receiver';
import { createEmailChannel, emailMessageId, type ChannelMessage, type NotificationChannel } from './support/notifications-api';
import { parseMail } from './support/parse-mail';
import { deliveryFailure } from './support/rejection';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';

const FROM = 'Duban 督办 <noreply@duban.gov.example>';

const message: ChannelMessage = {
  idempotencyKey: 'assignment.closure_rejected:51e0:市生态环境局',
  kind: 'assignment.closure_rejected',
  recipient: '市生态环境局',
  title: '办结退回：黑臭水体整治',
  body: '您单位提交的“黑臭水体整治”办结申请未通过审核。\n退回原因：佐证材料不全，请补充整治前后对比照片。',
  link: 'https://duban.example/assignments/51e0',
  at: Date.UTC(2025, 2, 14, 6, 0),
};

describe('e-mail channel against a local SMTP server', () => {
  let smtp: SmtpReceiver;
  let channel: NotificationChannel<'email'>;

  beforeEach(async () => {
    smtp = await startSmtpReceiver({ user: 'duban', pass: 'p@ss word' });
    channel = createEmailChannel({ smtpUrl: `smtp://duban:${encodeURIComponent('p@ss word')}@127.0.0.1:${smtp.port}`, from: FROM, timeoutMs: 5000 });
  });

  afterEach(async () => {
    await smtp.close();
  });

  it('delivers the message, authenticated, with subject, text, link and a Message-ID from the idempotency key', async () => {
    const result = await channel.send(message, { to: ['office@sthj.gov.example', 'leader@sthj.gov.example'] });

    const messageId = emailMessageId(message.idempotencyKey, FROM);
    expect(result).toMatchObject({ kind: 'email', providerMessageId: messageId });
    expect(result.response).toMatch(/^250 /);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.user).toBe('duban');
    expect(mail.mailFrom).toBe('noreply@duban.gov.example');
    expect(mail.rcptTo).toEqual(['office@sthj.gov.example', 'leader@sthj.gov.example']);

    const parsed = parseMail(mail.raw);
    expect(parsed.headers.get('subject')).toBe('办结退回：黑臭水体整治');
    expect(parsed.headers.get('from')).toBe('Duban 督办 <noreply@duban.gov.example>');
    expect(parsed.headers.get('to')).toBe('office@sthj.gov.example, leader@sthj.gov.example');
    expect(parsed.headers.get('message-id')).toBe(messageId);
    expect(parsed.headers.get('x-duban-kind')).toBe('assignment.closure_rejected');
    expect(new Date(parsed.headers.get('date') ?? '').getTime()).toBe(message.at);
    expect(parsed.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(parsed.text).toBe(
      [
        '您单位提交的“黑臭水体整治”办结申请未通过审核。',
        '退回原因：佐证材料不全，请补充整治前后对比照片。',
        '',
        '详情：https://duban.example/assignments/51e0',
        '',
        '——',
        '此邮件由督办系统自动发送，请勿直接回复。',
        '',
      ].join('\n'),
    );
  });

  it('re-sends the same message with the same Message-ID', async () => {
    await channel.send(message, { to: 'office@sthj.gov.example' });
    await channel.send(message, { to: 'office@sthj.gov.example' });
    const ids = smtp.mails.map((mail) => parseMail(mail.raw).headers.get('message-id'));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('does not retry a permanently refused recipient (550)', async () => {
    smtp.refuseRecipients.set('gone@sthj.gov.example', 550);
    const error = await deliveryFailure(channel.send(message, { to: 'gone@sthj.gov.example' }));
    expect(error).toMatchObject({ kind: 'email', retryable: false, errcode: 550 });
    expect(smtp.mails).toHaveLength(0);
  });

  it('retries a temporarily refused recipient (450)', async () => {
    smtp.refuseRecipients.set('busy@sthj.gov.example', 450);
    expect(await deliveryFailure(channel.send(message, { to: 'busy@sthj.gov.example' }))).toMatchObject({ retryable: true, errcode: 450 });
  });

  it('does not retry wrong credentials (535), and keeps the password out of the error', async () => {
    const wrong = createEmailChannel({ smtpUrl: `smtp://duban:not-it@127.0.0.1:${smtp.port}`, from: FROM, timeoutMs: 5000 });
    const error = await deliveryFailure(wrong.send(message, { to: 'office@sthj.gov.example' }));
    expect(error).toMatchObject({ retryable: false, errcode: 535 });
    expect(error.message).not.toContain('not-it');
  });

  it('retries when the SMTP server is down', async () => {
    const port = await closedPort();
    const down = createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 2000 });
    expect(await deliveryFailure(down.send(message, { to: 'office@sthj.gov.example' }))).toMatchObject({ kind: 'email', retryable: true });
  });

  it('refuses a target without an address, without connecting', async () => {
    expect(await deliveryFailure(channel.send(message, { to: [] }))).toMatchObject({ retryable: false, message: 'email: no recipient address configured' });
    expect(smtp.mails).toHaveLength(0);
  });
});
