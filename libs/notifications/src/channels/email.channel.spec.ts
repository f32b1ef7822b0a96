import { emailMessageId, emailText, smtpError } from './email.channel';

describe('e-mail channel', () => {
  it('derives a stable Message-ID from the idempotency key, on the sender domain', () => {
    const id = emailMessageId('digest:市财政局:2025-03-14', 'Duban 督办 <noreply@duban.gov.example>');
    expect(id).toMatch(/^<[0-9a-f]{32}\.notification@duban\.gov\.example>$/);
    expect(emailMessageId('digest:市财政局:2025-03-14', 'noreply@duban.gov.example')).toBe(id);
    expect(emailMessageId('digest:市财政局:2025-03-15', 'noreply@duban.gov.example')).not.toBe(id);
    expect(emailMessageId('k', 'Duban')).toMatch(/@duban\.local>$/);
  });

  it('writes the body, the link and a no-reply note', () => {
    expect(emailText({ idempotencyKey: 'k', kind: 'x', recipient: 'u', title: 't', body: '正文\n', link: 'https://d.example/a' })).toBe(
      '正文\n\n详情：https://d.example/a\n\n——\n此邮件由督办系统自动发送，请勿直接回复。\n',
    );
  });

  it.each([
    [{ code: 'EENVELOPE', responseCode: 550, permanent: true, message: 'mailbox unavailable' }, false],
    [{ code: 'EENVELOPE', responseCode: 452, permanent: false, message: 'try later' }, true],
    [{ code: 'EPROTOCOL', responseCode: 503, message: 'bad sequence' }, true],
    [{ code: 'EMESSAGE', responseCode: 554, message: 'rejected' }, false],
    [{ code: 'EAUTH', message: 'Missing credentials' }, false],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, true],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, true],
    [new Error('socket hang up'), true],
  ])('classifies %p as retryable: %s', (error, retryable) => {
    expect(smtpError(error)).toMatchObject({ kind: 'email', retryable });
  });

  it('names the SMTP code and reply in the message', () => {
    expect(smtpError({ code: 'EENVELOPE', responseCode: 550, permanent: true, message: 'mailbox unavailable' }).message).toBe(
      'email: EENVELOPE 550: mailbox unavailable',
    );
  });
});
