import { idempotencyKeyHeader, webhookPayload } from './webhook.channel';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('generic webhook', () => {
  it('sends the documented payload: the unit by its directory id, its name for display', () => {
    const unitId = '2f1c8e36-1d0b-5c5e-9a53-5d7c0e4a1b2c';
    const payload = webhookPayload(
      { idempotencyKey: 'k1', kind: 'assignment.urged', recipient: unitId, recipientName: '市财政局', title: '催办', body: '请反馈', at: Date.UTC(2025, 2, 14, 1, 2, 3) },
      Date.UTC(2025, 2, 14, 2, 0, 0),
    );
    expect(payload).toEqual({
      id: 'k1',
      kind: 'assignment.urged',
      recipient: unitId,
      recipientName: '市财政局',
      title: '催办',
      body: '请反馈',
      link: null,
      occurredAt: '2025-03-14T01:02:03.000Z',
      sentAt: '2025-03-14T02:00:00.000Z',
    });
  });

  it('a message without a display name (a role mailbox, a legacy row) says so with null', () => {
    expect(webhookPayload({ idempotencyKey: 'k2', kind: 'x', recipient: 'role:coordinator', title: 't', body: 'b' }, 0).recipientName).toBeNull();
  });

  it('signs the raw body with HMAC-SHA256 (value checked with openssl dgst -sha256 -hmac)', () => {
    expect(webhookSignature('whsec', '{"a":1}')).toBe('sha256=19373ef0e8c66f206e49d251e4402291615bbce6ef00922e94a47a213fb76ee1');
  });

  it('verifies a signature in constant time and refuses others', () => {
    const header = webhookSignature('s', 'body');
    expect(verifyWebhookSignature('s', 'body', header)).toBe(true);
    expect(verifyWebhookSignature('s', 'body ', header)).toBe(false);
    expect(verifyWebhookSignature('t', 'body', header)).toBe(false);
    expect(verifyWebhookSignature('s', 'body', 'sha256=00')).toBe(false);
    expect(verifyWebhookSignature('s', 'body', undefined)).toBe(false);
  });

  it('keeps ASCII idempotency keys and percent-encodes the rest for the header', () => {
    expect(idempotencyKeyHeader('assignment.urged:a1:role:admin')).toBe('assignment.urged:a1:role:admin');
    expect(idempotencyKeyHeader('digest:市财政局:2025-03-14')).toBe(`digest:${encodeURIComponent('市财政局')}:2025-03-14`);
  });
});
