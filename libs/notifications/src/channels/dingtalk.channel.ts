import type { DingTalkTarget } from './channel-target';
import { signDingTalkUrl } from './dingtalk-signature';
import { postJson } from './http-post';
import type { ChannelMessage, NotificationChannel } from './notification-channel';
import { bodyLines, ROBOT_FOOTER } from './robot-footer';
import { checkRobotReply, DINGTALK_RETRYABLE_ERRCODES } from './robot-reply';
import { truncateUtf8, utf8Length } from './truncate-utf8';

export interface DingTalkChannelOptions {
  readonly timeoutMs: number;
  /** Clock for the signature timestamp, for tests. */
  readonly now?: () => number;
}

/** Cap on the message text; DingTalk refuses oversized messages (the request body is limited to 20 000 bytes). */
export const DINGTALK_MAX_TEXT_BYTES = 18_000;

export type DingTalkMessage =
  | {
      readonly msgtype: 'markdown';
      readonly markdown: { readonly title: string; readonly text: string };
      readonly at: DingTalkAt;
    }
  | {
      readonly msgtype: 'text';
      readonly text: { readonly content: string };
      readonly at: DingTalkAt;
    };

interface DingTalkAt {
  readonly atMobiles: readonly string[];
  readonly isAtAll: boolean;
}

/**
 * The robot's message body. Markdown: `title` is what the conversation list
 * shows, `text` the message; paragraphs are separated by blank lines because
 * DingTalk's markdown ignores single newlines. Mentioned mobiles must also
 * appear as @mobile in the text to be highlighted.
 */
export function dingTalkMessage(message: ChannelMessage, target: DingTalkTarget): DingTalkMessage {
  const atMobiles = target.atMobiles ?? [];
  const at: DingTalkAt = { atMobiles, isAtAll: target.atAll ?? false };
  const mentions = [...atMobiles.map((mobile) => `@${mobile}`), ...(target.atAll ? ['@所有人'] : [])].join(' ');
  const markdown = (target.msgtype ?? 'markdown') === 'markdown';
  const head = markdown ? `#### ${message.title}\n\n` : `${message.title}\n`;
  const tail = [
    message.link ? (markdown ? `[查看详情](${message.link})` : `详情：${message.link}`) : null,
    ROBOT_FOOTER,
    mentions || null,
  ]
    .filter((part): part is string => part !== null)
    .join(markdown ? '\n\n' : '\n');
  const separator = markdown ? '\n\n' : '\n';
  const body = truncateUtf8(
    bodyLines(message.body).join(separator),
    DINGTALK_MAX_TEXT_BYTES - utf8Length(head) - utf8Length(separator) * 2 - utf8Length(tail),
  );
  // Still cut the whole: an extreme title alone could exceed the cap.
  const text = truncateUtf8([head + body, tail].join(separator), DINGTALK_MAX_TEXT_BYTES);
  return markdown ? { msgtype: 'markdown', markdown: { title: message.title, text }, at } : { msgtype: 'text', text: { content: text }, at };
}

/** DingTalk custom group robot (自定义机器人), signed when the unit configured a secret. */
export function createDingTalkChannel(options: DingTalkChannelOptions): NotificationChannel<'dingtalk'> {
  const now = options.now ?? Date.now;
  return {
    kind: 'dingtalk',
    async send(message: ChannelMessage, target: DingTalkTarget) {
      const url = target.secret ? signDingTalkUrl(target.url, target.secret, now()) : target.url;
      const body = JSON.stringify(dingTalkMessage(message, target));
      const response = await postJson({ kind: 'dingtalk', url, body, timeoutMs: options.timeoutMs });
      const reply = checkRobotReply('dingtalk', response.text, DINGTALK_RETRYABLE_ERRCODES);
      return { kind: 'dingtalk', statusCode: response.status, response: reply.errmsg };
    },
  };
}
