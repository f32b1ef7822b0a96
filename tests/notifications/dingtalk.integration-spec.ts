import { createHmac } from 'node:crypto';
import { jsonBody, startHttpReceiver, type HttpReceiver, type ReceivedRequest, type Reply } from './support/http-receiver';
import { createDingTalkChannel, type ChannelMessage } from './support/notifications-api';
import { deliveryFailure } from './support/rejection';

const ACCESS_TOKEN = 'b1f4c0ffee';
const SECRET = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

const message: ChannelMessage = {
  idempotencyKey: 'assignment.talk_triggered:9c1d:市住房城乡建设局',
  kind: 'assignment.talk_triggered',
  recipient: '市住房城乡建设局',
  title: '约谈通知：老旧小区改造',
  body: '任务“老旧小区改造”逾期已达约谈条件。\n请主要负责同志于 3月18日 到市督查室说明情况。',
  link: 'https://duban.example/assignments/9c1d',
};

/**
 * Imitates https://oapi.dingtalk.com/robot/send for a robot whose security
 * setting is 加签: checks the access token, the JSON body, and timestamp + sign
 * the way DingTalk documents it (sign recomputed here independently, timestamp
 * within one hour). Answers HTTP 200 with errcode, as DingTalk does.
 */
function fakeDingTalkRobot(secret: string | null) {
  return (request: ReceivedRequest): Reply => {
    if (request.url.pathname !== '/robot/send' || request.url.searchParams.get('access_token') !== ACCESS_TOKEN) {
      return { body: { errcode: 300001, errmsg: 'token is not exist' } };
    }
    if (secret !== null) {
      const timestamp = request.url.searchParams.get('timestamp') ?? '';
      const sign = request.url.searchParams.get('sign') ?? '';
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      if (Math.abs(Date.now() - Number(timestamp)) > 3600_000 || sign !== expected) {
        return { body: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' } };
      }
    }
    if (!String(request.headers['content-type']).startsWith('application/json')) return { body: { errcode: 40035, errmsg: '缺少参数 json' } };
    const body = jsonBody(request) as { msgtype?: string };
    if (body.msgtype !== 'markdown' && body.msgtype !== 'text') return { body: { errcode: 400105, errmsg: '不支持的消息类型' } };
    return { body: { errcode: 0, errmsg: 'ok' } };
  };
}

describe('DingTalk channel against a local imitation of the robot endpoint', () => {
  let robot: HttpReceiver;
  let url: string;
  const channel = createDingTalkChannel({ timeoutMs: 2000 });

  beforeEach(async () => {
    robot = await startHttpReceiver(fakeDingTalkRobot(SECRET));
    url = `${robot.baseUrl}/robot/send?access_token=${ACCESS_TOKEN}`;
  });

  afterEach(async () => {
    await robot.close();
  });

  it('sends a signed markdown message the robot accepts', async () => {
    const before = Date.now();
    const result = await channel.send(message, { url, secret: SECRET, atMobiles: ['13900000000'] });

    expect(result).toEqual({ kind: 'dingtalk', statusCode: 200, response: 'ok' });
    const [request] = robot.requests;
    const timestamp = Number(request.url.searchParams.get('timestamp'));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
    // The sign travels URL-encoded, as in DingTalk's reference code.
    const rawSign = /[?&]sign=([^&]*)/.exec(request.url.search)?.[1];
    expect(rawSign).toBe(encodeURIComponent(createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64')));
    expect(jsonBody(request)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '约谈通知：老旧小区改造',
        text: [
          '#### 约谈通知：老旧小区改造',
          '任务“老旧小区改造”逾期已达约谈条件。',
          '请主要负责同志于 3月18日 到市督查室说明情况。',
          '[查看详情](https://duban.example/assignments/9c1d)',
          '—— 督办系统',
          '@13900000000',
        ].join('\n\n'),
      },
      at: { atMobiles: ['13900000000'], isAtAll: false },
    });
  });

  it('sends a text message when the unit asked for text', async () => {
    await channel.send(message, { url, secret: SECRET, msgtype: 'text' });
    expect(jsonBody(robot.requests[0])).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('详情：https://duban.example/assignments/9c1d') } });
  });

  it('sends no timestamp or sign to a robot without 加签', async () => {
    robot.respondWith(fakeDingTalkRobot(null));
    await channel.send(message, { url });
    expect([...robot.requests[0].url.searchParams.keys()]).toEqual(['access_token']);
  });

  it('is refused (errcode 310000, not retryable) with a wrong secret', async () => {
    const error = await deliveryFailure(channel.send(message, { url, secret: 'SECwrong' }));
    expect(error).toMatchObject({ kind: 'dingtalk', retryable: false, errcode: 310000, statusCode: 200 });
  });

  it('is refused when its clock is more than an hour off (stale timestamp)', async () => {
    const skewed = createDingTalkChannel({ timeoutMs: 2000, now: () => Date.now() - 2 * 3600_000 });
    expect(await deliveryFailure(skewed.send(message, { url, secret: SECRET }))).toMatchObject({ retryable: false, errcode: 310000 });
  });

  it('retries the rate limit: errcode 130101 (more than 20 messages a minute)', async () => {
    robot.respondWith(() => ({ body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } }));
    const error = await deliveryFailure(channel.send(message, { url, secret: SECRET }));
    expect(error).toMatchObject({ retryable: true, errcode: 130101 });
    expect(error.message).toBe('dingtalk: errcode 130101: send too fast, exceed 20 times per minute');
  });

  it('does not retry an unknown token (errcode 300001)', async () => {
    const error = await deliveryFailure(channel.send(message, { url: `${robot.baseUrl}/robot/send?access_token=revoked`, secret: SECRET }));
    expect(error).toMatchObject({ retryable: false, errcode: 300001 });
    expect(error.message).not.toContain('revoked');
  });

  it.each([
    [500, true],
    [429, true],
    [400, false],
  ])('classifies HTTP %d from the robot as retryable: %s', async (status, retryable) => {
    robot.respondWith(() => ({ status, body: 'upstream says no' }));
    expect(await deliveryFailure(channel.send(message, { url, secret: SECRET }))).toMatchObject({ retryable, statusCode: status });
  });

  it('retries an HTTP 200 that is not a robot reply', async () => {
    robot.respondWith(() => ({ body: '<html>维护中</html>', headers: { 'content-type': 'text/html' } }));
    expect(await deliveryFailure(channel.send(message, { url, secret: SECRET }))).toMatchObject({ retryable: true });
  });
});
