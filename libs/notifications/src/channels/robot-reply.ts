import { ChannelDeliveryError } from './channel-delivery-error';
import { quote } from './http-post';
import type { ChannelKind } from './notification-channel';

/** DingTalk and WeCom robots answer HTTP 200 with this body; errcode 0 is success. */
export interface RobotReply {
  readonly errcode: number;
  readonly errmsg: string;
}

/**
 * DingTalk errcodes worth retrying: -1 system busy, 130101 more than 20
 * messages a minute, 130102 hourly limit, 410100 sending too fast (限流).
 */
export const DINGTALK_RETRYABLE_ERRCODES: ReadonlySet<number> = new Set([-1, 130101, 130102, 410100]);

/** WeCom errcodes worth retrying: -1 system busy, 45009 api freq out of limit (20 a minute per robot), 45033 concurrency limit. */
export const WECOM_RETRYABLE_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45033]);

/**
 * Checks a robot's answer: returns it on errcode 0, throws otherwise. An answer
 * that is not a robot reply (an HTML page from a proxy) is retried: the
 * message may not have reached the robot at all.
 */
export function checkRobotReply(kind: ChannelKind, text: string, retryableErrcodes: ReadonlySet<number>): RobotReply {
  const reply = parseRobotReply(text);
  if (reply === null) {
    throw new ChannelDeliveryError(kind, `unexpected answer: ${quote(text) || '(empty)'}`, { retryable: true, statusCode: 200 });
  }
  if (reply.errcode === 0) return reply;
  throw new ChannelDeliveryError(kind, `errcode ${reply.errcode}: ${quote(reply.errmsg)}`, {
    retryable: retryableErrcodes.has(reply.errcode),
    statusCode: 200,
    errcode: reply.errcode,
  });
}

export function parseRobotReply(text: string): RobotReply | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !('errcode' in parsed)) return null;
  const errcode = Number(parsed.errcode);
  if (!Number.isInteger(errcode)) return null;
  const errmsg = 'errmsg' in parsed && typeof parsed.errmsg === 'string' ? parsed.errmsg : '';
  return { errcode, errmsg };
}
