import { formatTalkTime, talkScheduledNotice } from './talk-notice';

describe('约谈 notice', () => {
  it('names the time in Shanghai', () => {
    // 01:30 UTC is 09:30 in Shanghai; 17:05 UTC on 07-02 is 01:05 on 07-03.
    expect(formatTalkTime(Date.parse('2026-07-03T01:30:00Z'))).toBe('2026年7月3日 09:30');
    expect(formatTalkTime(Date.parse('2026-07-02T17:05:00Z'))).toBe('2026年7月3日 01:05');
  });

  it('tells the unit when, where, whom and why, in one Chinese notice', () => {
    const notice = talkScheduledNotice({
      unitName: '市数据局',
      taskTitle: '建设一体化政务服务平台',
      reason: '任务逾期 20 个工作日',
      scheduledAt: Date.parse('2026-07-03T01:30:00Z'),
      place: '市政府 3 楼会议室',
      attendees: '市督查室主任',
      talkTarget: 'deputy',
    });
    expect(notice).toEqual({
      title: '约谈通知：市数据局',
      body: '市数据局：定于2026年7月3日 09:30在市政府 3 楼会议室就“建设一体化政务服务平台”约谈贵单位分管负责人。约谈事由：任务逾期 20 个工作日。参加人员：市督查室主任。请按时参加，并提前准备情况说明。',
    });
  });

  it('leaves out the task when there is none', () => {
    const { body } = talkScheduledNotice({ unitName: '某区', taskTitle: null, reason: '事由', scheduledAt: Date.parse('2026-07-03T01:30:00Z'), place: '会议室', attendees: '某人', talkTarget: 'principal' });
    expect(body).toContain('在会议室约谈贵单位主要负责人');
  });
});
