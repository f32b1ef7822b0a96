import { DINGTALK_MAX_TEXT_BYTES, dingTalkMessage } from './dingtalk.channel';
import type { ChannelMessage } from './notification-channel';
import { ROBOT_FOOTER } from './robot-footer';
import { utf8Length } from './truncate-utf8';

const message: ChannelMessage = {
  idempotencyKey: 'assignment.urged:a1:市发展改革委',
  kind: 'assignment.urged',
  recipient: '市发展改革委',
  title: '催办：推进营商环境改革',
  body: '任务“推进营商环境改革”已逾期 3 个工作日。\n请于 2025年3月20日 前反馈进展。',
  link: 'https://duban.example/assignments/a1',
};

describe('dingTalkMessage', () => {
  it('builds a markdown message: title for the conversation list, paragraphs, link, footer', () => {
    expect(dingTalkMessage(message, { url: 'x' })).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '催办：推进营商环境改革',
        text: [
          '#### 催办：推进营商环境改革',
          '任务“推进营商环境改革”已逾期 3 个工作日。',
          '请于 2025年3月20日 前反馈进展。',
          '[查看详情](https://duban.example/assignments/a1)',
          ROBOT_FOOTER,
        ].join('\n\n'),
      },
      at: { atMobiles: [], isAtAll: false },
    });
  });

  it('builds a text message with the link written out', () => {
    expect(dingTalkMessage(message, { url: 'x', msgtype: 'text' })).toEqual({
      msgtype: 'text',
      text: {
        content: [
          '催办：推进营商环境改革',
          '任务“推进营商环境改革”已逾期 3 个工作日。',
          '请于 2025年3月20日 前反馈进展。',
          '详情：https://duban.example/assignments/a1',
          ROBOT_FOOTER,
        ].join('\n'),
      },
      at: { atMobiles: [], isAtAll: false },
    });
  });

  it('mentions mobiles both in `at` and as @mobile in the text', () => {
    const built = dingTalkMessage({ ...message, link: undefined }, { url: 'x', atMobiles: ['13800000000'], atAll: true });
    expect(built.at).toEqual({ atMobiles: ['13800000000'], isAtAll: true });
    expect(built.msgtype === 'markdown' && built.markdown.text.endsWith(`${ROBOT_FOOTER}\n\n@13800000000 @所有人`)).toBe(true);
  });

  it('always contains the keyword 督办 (robots secured by a custom keyword)', () => {
    const built = dingTalkMessage({ ...message, title: 'x', body: 'y' }, { url: 'x' });
    expect(JSON.stringify(built)).toContain('督办');
  });

  it('cuts an oversized body, keeping the link and the footer', () => {
    const built = dingTalkMessage({ ...message, body: '很长的内容。'.repeat(5000) }, { url: 'x' });
    if (built.msgtype !== 'markdown') throw new Error('expected markdown');
    expect(utf8Length(built.markdown.text)).toBeLessThanOrEqual(DINGTALK_MAX_TEXT_BYTES);
    expect(built.markdown.text).toContain('…');
    expect(built.markdown.text.endsWith(`[查看详情](https://duban.example/assignments/a1)\n\n${ROBOT_FOOTER}`)).toBe(true);
  });
});
