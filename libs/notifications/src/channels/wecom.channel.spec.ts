import type { ChannelMessage } from './notification-channel';
import { ROBOT_FOOTER } from './robot-footer';
import { utf8Length } from './truncate-utf8';
import { WECOM_MARKDOWN_MAX_BYTES, WECOM_TEXT_MAX_BYTES, weComMessage } from './wecom.channel';

const message: ChannelMessage = {
  idempotencyKey: 'reminder.due_soon:a2:市教育局',
  kind: 'reminder.due_soon',
  recipient: '市教育局',
  title: '到期预警：完善课后服务',
  body: '任务“完善课后服务”将于 5 个工作日后到期。\n\n请按时办结。',
  link: 'https://duban.example/assignments/a2',
};

function content(built: ReturnType<typeof weComMessage>): string {
  return built.msgtype === 'markdown' ? built.markdown.content : built.text.content;
}

describe('weComMessage', () => {
  it('builds a markdown message with heading, lines, link and a grey footer', () => {
    expect(weComMessage(message, { url: 'x' })).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: [
          '### 到期预警：完善课后服务',
          '任务“完善课后服务”将于 5 个工作日后到期。',
          '请按时办结。',
          '[查看详情](https://duban.example/assignments/a2)',
          `<font color="comment">${ROBOT_FOOTER}</font>`,
        ].join('\n'),
      },
    });
  });

  it('builds a text message with mentioned mobiles', () => {
    expect(weComMessage({ ...message, link: undefined }, { url: 'x', msgtype: 'text', mentionedMobiles: ['13800000000', '@all'] })).toEqual({
      msgtype: 'text',
      text: {
        content: ['到期预警：完善课后服务', '任务“完善课后服务”将于 5 个工作日后到期。', '请按时办结。', ROBOT_FOOTER].join('\n'),
        mentioned_mobile_list: ['13800000000', '@all'],
      },
    });
  });

  it('keeps markdown content within 4096 UTF-8 bytes, cutting the body on a character boundary', () => {
    const built = weComMessage({ ...message, body: '中文内容😀'.repeat(1000) }, { url: 'x' });
    const text = content(built);
    expect(utf8Length(text)).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(utf8Length(text)).toBeGreaterThan(WECOM_MARKDOWN_MAX_BYTES - 8);
    // A split character would not survive a UTF-8 round trip.
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(text.startsWith('### 到期预警：完善课后服务\n')).toBe(true);
    expect(text.endsWith(`[查看详情](https://duban.example/assignments/a2)\n<font color="comment">${ROBOT_FOOTER}</font>`)).toBe(true);
  });

  it('keeps text content within 2048 bytes', () => {
    const built = weComMessage({ ...message, body: '字'.repeat(3000) }, { url: 'x', msgtype: 'text' });
    expect(utf8Length(content(built))).toBeLessThanOrEqual(WECOM_TEXT_MAX_BYTES);
    expect(content(built).endsWith(ROBOT_FOOTER)).toBe(true);
  });

  it('cuts even an oversized title to the limit', () => {
    const built = weComMessage({ ...message, title: '标'.repeat(3000) }, { url: 'x' });
    expect(utf8Length(content(built))).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
  });

  it('leaves a message under the limit untouched', () => {
    expect(content(weComMessage(message, { url: 'x' }))).not.toContain('…');
  });
});
