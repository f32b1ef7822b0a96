import { ChannelDeliveryError } from './channel-delivery-error';
import { checkRobotReply, DINGTALK_RETRYABLE_ERRCODES, parseRobotReply, WECOM_RETRYABLE_ERRCODES } from './robot-reply';

function failure(run: () => unknown): ChannelDeliveryError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChannelDeliveryError) return error;
    throw error;
  }
  throw new Error('expected a ChannelDeliveryError');
}

describe('robot replies', () => {
  it('accepts errcode 0', () => {
    expect(checkRobotReply('dingtalk', '{"errcode":0,"errmsg":"ok"}', DINGTALK_RETRYABLE_ERRCODES)).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it.each([
    ['dingtalk', 130101, 'send too fast, exceed 20 times per minute', true],
    ['dingtalk', -1, '系统繁忙', true],
    ['dingtalk', 310000, 'sign not match', false],
    ['dingtalk', 300001, 'token is not exist', false],
    ['wecom', 45009, 'api freq out of limit', true],
    ['wecom', 93000, 'invalid webhook url', false],
    ['wecom', 40008, 'invalid message type', false],
  ] as const)('%s errcode %d is retryable: %s', (kind, errcode, errmsg, retryable) => {
    const codes = kind === 'dingtalk' ? DINGTALK_RETRYABLE_ERRCODES : WECOM_RETRYABLE_ERRCODES;
    const error = failure(() => checkRobotReply(kind, JSON.stringify({ errcode, errmsg }), codes));
    expect(error).toMatchObject({ kind, retryable, errcode, statusCode: 200 });
    expect(error.message).toBe(`${kind}: errcode ${errcode}: ${errmsg}`);
  });

  it('retries an answer that is not a robot reply (e.g. a proxy page)', () => {
    const error = failure(() => checkRobotReply('wecom', '<html>502 Bad Gateway</html>', WECOM_RETRYABLE_ERRCODES));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('unexpected answer');
  });

  it('parses only objects with an integer errcode', () => {
    expect(parseRobotReply('{"errcode":"0"}')).toEqual({ errcode: 0, errmsg: '' });
    expect(parseRobotReply('{"errmsg":"ok"}')).toBeNull();
    expect(parseRobotReply('null')).toBeNull();
    expect(parseRobotReply('{"errcode":"x"}')).toBeNull();
  });
});
