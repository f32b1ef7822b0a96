import { createHmac } from 'node:crypto';
import { closedPort, jsonBody, startHttpReceiver, type HttpReceiver } from './support/http-receiver';
import { createWebhookChannel, verifyWebhookSignature, type ChannelMessage } from './support/notifications-api';
import { deliveryFailure } from './support/rejection';

const message: ChannelMessage = {
  idempotencyKey: 'assignment.urged:3f2a:市财政局',
  kind: 'assignment.urged',
  recipient: '市财政局',
  title: '催办：落实减税降费政策',
  body: '任务“落实减税降费政策”已逾期 2 个工作日，请尽快反馈进展。',
  link: 'https://duban.example/assignments/3f2a',
  at: Date.UTC(2025, 2, 14, 1, 30),
};

/** The receiver a unit would run: verifies the signature, de-duplicates on Idempotency-Key. */
function unitReceiver(secret: string | null) {
  const seen = new Set<string>();
  return (request: { headers: Record<string, string | string[] | undefined>; rawBody: string }) => {
    if (secret !== null && !verifyWebhookSignature(secret, request.rawBody, request.headers['x-duban-signature'] as string | undefined)) {
      return { status: 401, body: { error: 'bad signature' } };
    }
    const key = String(request.headers['idempotency-key']);
    const duplicate = seen.has(key);
    seen.add(key);
    return { status: 200, body: { accepted: true, duplicate } };
  };
}

describe('generic webhook channel against a local HTTP receiver', () => {
  let receiver: HttpReceiver;
  const channel = createWebhookChannel({ timeoutMs: 2000, now: () => Date.UTC(2025, 2, 14, 2, 0, 0) });

  beforeEach(async () => {
    receiver = await startHttpReceiver(unitReceiver('whsec_市财政局'));
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('POSTs the JSON payload with Idempotency-Key, timestamp and a verifiable HMAC signature', async () => {
    const result = await channel.send(message, { url: `${receiver.baseUrl}/hooks/duban`, secret: 'whsec_市财政局' });

    expect(result).toEqual({ kind: 'webhook', statusCode: 200 });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe('/hooks/duban');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers['idempotency-key']).toBe(message.idempotencyKey.replace('市财政局', encodeURIComponent('市财政局')));
    expect(request.headers['x-duban-timestamp']).toBe(String(Date.UTC(2025, 2, 14, 2, 0, 0) / 1000));
    // Independently computed over the raw bytes received.
    const expected = createHmac('sha256', 'whsec_市财政局').update(Buffer.from(request.rawBody, 'utf8')).digest('hex');
    expect(request.headers['x-duban-signature']).toBe(`sha256=${expected}`);
    expect(jsonBody(request)).toEqual({
      id: message.idempotencyKey,
      kind: 'assignment.urged',
      recipient: '市财政局',
      // The message names no display name (a legacy name-keyed recipient): the payload says so rather than omit it.
      recipientName: null,
      title: '催办：落实减税降费政策',
      body: '任务“落实减税降费政策”已逾期 2 个工作日，请尽快反馈进展。',
      link: 'https://duban.example/assignments/3f2a',
      occurredAt: '2025-03-14T01:30:00.000Z',
      sentAt: '2025-03-14T02:00:00.000Z',
    });
  });

  it('is refused by a receiver expecting another secret, and does not retry that', async () => {
    const error = await deliveryFailure(channel.send(message, { url: `${receiver.baseUrl}/hooks/duban`, secret: 'wrong' }));
    expect(error).toMatchObject({ kind: 'webhook', retryable: false, statusCode: 401 });
    expect(error.message).toBe('webhook: HTTP 401: {"error":"bad signature"}');
  });

  it('sends no signature headers without a secret', async () => {
    receiver.respondWith(unitReceiver(null));
    await channel.send(message, { url: `${receiver.baseUrl}/hooks/duban` });
    expect(receiver.requests[0].headers).not.toHaveProperty('x-duban-signature');
    expect(receiver.requests[0].headers).not.toHaveProperty('x-duban-timestamp');
  });

  it('re-sends the same message with the same id and Idempotency-Key, so the receiver drops the copy', async () => {
    const target = { url: `${receiver.baseUrl}/hooks/duban`, secret: 'whsec_市财政局' };
    await channel.send(message, target);
    await channel.send(message, target);
    const [first, second] = receiver.requests;
    expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
    expect((jsonBody(second) as { id: string }).id).toBe((jsonBody(first) as { id: string }).id);
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [404, false],
    [410, false],
  ])('classifies HTTP %d as retryable: %s', async (status, retryable) => {
    receiver.respondWith(() => ({ status, body: { error: `status ${status}` } }));
    const error = await deliveryFailure(channel.send(message, { url: receiver.baseUrl }));
    expect(error).toMatchObject({ kind: 'webhook', retryable, statusCode: status });
    expect(receiver.requests).toHaveLength(1);
  });

  it('passes on Retry-After of a 429', async () => {
    receiver.respondWith(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    expect(await deliveryFailure(channel.send(message, { url: receiver.baseUrl }))).toMatchObject({ retryable: true, retryAfterMs: 30_000 });
  });

  it('does not follow a redirect (the POST is not re-sent elsewhere)', async () => {
    receiver.respondWith((request) => (request.url.pathname === '/moved' ? { status: 200 } : { status: 302, headers: { location: `${receiver.baseUrl}/moved` } }));
    const error = await deliveryFailure(channel.send(message, { url: `${receiver.baseUrl}/hooks` }));
    expect(error).toMatchObject({ retryable: false, statusCode: 302 });
    expect(receiver.requests.map((request) => request.url.pathname)).toEqual(['/hooks']);
  });

  it('gives up after the timeout and marks it retryable', async () => {
    receiver.respondWith(() => ({ status: 200, delayMs: 3000 }));
    const quick = createWebhookChannel({ timeoutMs: 200 });
    const started = Date.now();
    const error = await deliveryFailure(quick.send(message, { url: receiver.baseUrl }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ retryable: true, message: 'webhook: no answer within 200 ms' });
  });

  it('marks a refused connection retryable, without the URL (which may hold a token) in the message', async () => {
    const port = await closedPort();
    const error = await deliveryFailure(channel.send(message, { url: `http://127.0.0.1:${port}/hook?token=s3cret` }));
    expect(error).toMatchObject({ retryable: true, message: 'webhook: request failed: ECONNREFUSED' });
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses a non-HTTP target without trying', async () => {
    expect(await deliveryFailure(channel.send(message, { url: 'file:///etc/passwd' }))).toMatchObject({ retryable: false });
    expect(receiver.requests).toHaveLength(0);
  });
});
