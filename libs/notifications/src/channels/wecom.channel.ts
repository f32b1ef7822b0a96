import type { WeComTarget } from './channel-target';
import { postJson } from './http-post';
import type { ChannelMessage, NotificationChannel } from './notification-channel';
import { bodyLines, ROBOT_FOOTER } from './robot-footer';
import { checkRobotReply, WECOM_RETRYABLE_ERRCODES } from './robot-reply';
import { truncateUtf8, utf8Length } from './truncate-utf8';

export interface WeComChannelOptions {
  readonly timeoutMs: number;
}

/** WeCom's limits on markdown.content and text.content, in UTF-8 bytes. */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;
export const WECOM_TEXT_MAX_BYTES = 2048;

export type WeComMessage =
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } }
  | {
      readonly msgtype: 'text';
      readonly text: { readonly content: string; readonly mentioned_mobile_list?: readonly string[] };
    };

/**
 * The robot's message body, within WeCom's byte limit: only the body is cut
 * (on a character boundary), so the title, the link and the footer survive.
 */
export function weComMessage(message: ChannelMessage, target: WeComTarget): WeComMessage {
  const markdown = (target.msgtype ?? 'markdown') === 'markdown';
  const head = markdown ? `### ${message.title}` : message.title;
  const tail = [message.link ? (markdown ? `[查看详情](${message.link})` : `详情：${message.link}`) : null, markdown ? `<font color="comment">${ROBOT_FOOTER}</font>` : ROBOT_FOOTER]
    .filter((part): part is string => part !== null)
    .join('\n');
  const limit = markdown ? WECOM_MARKDOWN_MAX_BYTES : WECOM_TEXT_MAX_BYTES;
  const body = truncateUtf8(bodyLines(message.body).join('\n'), limit - utf8Length(head) - utf8Length(tail) - 2);
  // Still cut the whole: an extreme title alone could exceed the limit.
  const content = truncateUtf8([head, body, tail].join('\n'), limit);
  if (markdown) return { msgtype: 'markdown', markdown: { content } };
  const mentions = target.mentionedMobiles ?? [];
  return { msgtype: 'text', text: mentions.length > 0 ? { content, mentioned_mobile_list: mentions } : { content } };
}

/** WeCom (企业微信) group robot. Its webhooks have no signing: the key in the URL is the credential. */
export function createWeComChannel(options: WeComChannelOptions): NotificationChannel<'wecom'> {
  return {
    kind: 'wecom',
    async send(message: ChannelMessage, target: WeComTarget) {
      const body = JSON.stringify(weComMessage(message, target));
      const response = await postJson({ kind: 'wecom', url: target.url, body, timeoutMs: options.timeoutMs });
      const reply = checkRobotReply('wecom', response.text, WECOM_RETRYABLE_ERRCODES);
      return { kind: 'wecom', statusCode: response.status, response: reply.errmsg };
    },
  };
}
