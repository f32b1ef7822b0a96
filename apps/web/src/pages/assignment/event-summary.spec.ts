import { eventSummary } from './event-summary';

describe('eventSummary', () => {
  it('reads the payload of each event type in Chinese', () => {
    expect(eventSummary({ type: 'progress_reported', payload: { percent: 40, actualValue: null, text: '完成方案编制', evidenceLinks: [] } })).toBe('进度40%；完成方案编制');
    expect(eventSummary({ type: 'extension_requested', payload: { currentDueDate: '2026-06-30', requestedDueDate: '2026-09-30', reason: '资金未到位' } })).toBe(
      '申请由2026年6月30日延至2026年9月30日；理由：资金未到位',
    );
    expect(eventSummary({ type: 'escalated', payload: { level: 'supervise', previousLevel: 'urge' } })).toBe('升级为督办');
    expect(eventSummary({ type: 'closure_rejected', payload: { reason: '佐证不足', rejectionCount: 1 } })).toBe('佐证不足');
    expect(eventSummary({ type: 'accepted', payload: {} })).toBeNull();
    expect(eventSummary({ type: 'talk_triggered', payload: { reason: '进展滞后', talkCount: 1, overrideReason: '市长批示' } })).toBe('第1次约谈；事由：进展滞后；破例约谈理由：市长批示');
  });
});
