import { jsonBody, startHttpReceiver, type HttpReceiver, type ReceivedRequest, type Reply } from './support/http-receiver';
import { createWeComChannel, type ChannelMessage } from './support/notifications-api';
import { deliveryFailure } from './support/rejection';

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

const message: ChannelMessage = {
  idempotencyKey: 'reminder.due_soon:77ab:市教育局',
  kind: 'reminder.due_soon',
  recipient: '市教育局',
  title: '到期预警：义务教育阶段课后服务全覆盖',
  body: '该任务将于 2025年3月21日 到期（还有 5 个工作日）。\n请及时上报办结材料。',
  link: 'https://duban.example/assignments/77ab',
};

/**
 * Imitates https://qyapi.weixin.qq.com/cgi-bin/webhook/send: checks the key,
 * the msgtype and WeCom's byte limits (markdown 4096, text 2048, counted in
 * UTF-8 on the bytes received), and answers HTTP 200 with errcode.
 */
function fakeWeComRobot(request: ReceivedRequest): Reply {
  if (request.url.pathname !== '/cgi-bin/webhook/send' || request.url.searchParams.get('key') !== KEY) {
    return { body: { errcode: 93000, errmsg: 'invalid webhook url, hint: [1700000000_1_abc]' } };
  }
  const body = jsonBody(request) as { msgtype?: string; markdown?: { content?: string }; text?: { content?: string } };
  const content = body.msgtype === 'markdown' ? body.markdown?.content : body.msgtype === 'text' ? body.text?.content : undefined;
  if (content === undefined) return { body: { errcode: 40008, errmsg: 'invalid message type' } };
  const limit = body.msgtype === 'markdown' ? 4096 : 2048;
  if (Buffer.byteLength(content, 'utf8') > limit) return { body: { errcode: 40058, errmsg: `content exceed max length ${limit}` } };
  return { body: { errcode: 0, errmsg: 'ok' } };
}

describe('WeCom channel against a local imitation of the group robot endpoint', () => {
  let robot: HttpReceiver;
  let url: string;
  const channel = createWeComChannel({ timeoutMs: 2000 });

  beforeEach(async () => {
    robot = await startHttpReceiver(fakeWeComRobot);
    url = `${robot.baseUrl}/cgi-bin/webhook/send?key=${KEY}`;
  });

  afterEach(async () => {
    await robot.close();
  });

  it('sends a markdown message the robot accepts, unsigned', async () => {
    expect(await channel.send(message, { url })).toEqual({ kind: 'wecom', statusCode: 200, response: 'ok' });
    const [request] = robot.requests;
    expect([...request.url.searchParams.keys()]).toEqual(['key']);
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(jsonBody(request)).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: [
          '### 到期预警：义务教育阶段课后服务全覆盖',
          '该任务将于 2025年3月21日 到期（还有 5 个工作日）。',
          '请及时上报办结材料。',
          '[查看详情](https://duban.example/assignments/77ab)',
          '<font color="comment">—— 督办系统</font>',
        ].join('\n'),
      },
    });
  });

  it('fits a very long Chinese message into 4096 bytes the robot accepts', async () => {
    const long = { ...message, body: '各区县要压实责任，细化措施，确保按期完成。😀\n'.repeat(400) };
    await channel.send(long, { url });
    const content = (jsonBody(robot.requests[0]) as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(4096);
    expect(content).toContain('…\n[查看详情](https://duban.example/assignments/77ab)');
    expect(content).not.toContain('\ufffd');
  });

  it('sends text with mentioned mobiles within 2048 bytes', async () => {
    await channel.send({ ...message, body: '字'.repeat(2000) }, { url, msgtype: 'text', mentionedMobiles: ['13800000000'] });
    const body = jsonBody(robot.requests[0]) as { text: { content: string; mentioned_mobile_list: string[] } };
    expect(body.text.mentioned_mobile_list).toEqual(['13800000000']);
    expect(Buffer.byteLength(body.text.content, 'utf8')).toBeLessThanOrEqual(2048);
  });

  it('retries the rate limit: errcode 45009', async () => {
    robot.respondWith(() => ({ body: { errcode: 45009, errmsg: 'api freq out of limit' } }));
    expect(await deliveryFailure(channel.send(message, { url }))).toMatchObject({ kind: 'wecom', retryable: true, errcode: 45009 });
  });

  it('does not retry an invalid key (errcode 93000), nor put the key in the error', async () => {
    const error = await deliveryFailure(channel.send(message, { url: `${robot.baseUrl}/cgi-bin/webhook/send?key=deleted-robot-key` }));
    expect(error).toMatchObject({ retryable: false, errcode: 93000 });
    expect(error.message).not.toContain('deleted-robot-key');
  });

  it.each([
    [500, true],
    [502, true],
    [429, true],
    [400, false],
    [403, false],
  ])('classifies HTTP %d as retryable: %s', async (status, retryable) => {
    robot.respondWith(() => ({ status }));
    expect(await deliveryFailure(channel.send(message, { url }))).toMatchObject({ retryable, statusCode: status });
  });

  it('gives up after the timeout, retryable', async () => {
    robot.respondWith(() => ({ delayMs: 3000, body: { errcode: 0, errmsg: 'ok' } }));
    const quick = createWeComChannel({ timeoutMs: 150 });
    expect(await deliveryFailure(quick.send(message, { url }))).toMatchObject({ retryable: true, message: 'wecom: no answer within 150 ms' });
  });
});
