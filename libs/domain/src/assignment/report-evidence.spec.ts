import { decide } from './assignment-actions';
import { actorFor, at, stateIn } from '../testing/test-fixtures';

const FILE = { kind: 'file' as const, fileId: '3f2b8c1e-1d2a-4b5c-8d9e-0a1b2c3d4e5f', fileName: '进展报告.pdf', contentType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) };
const ACTUAL = { metric: '新增家庭养老床位（张）', year: 2025, region: '滨北区', value: 380 };

describe('reportProgress with 佐证材料 and actuals', () => {
  const context = { now: at('2025-03-10'), actor: actorFor('unit_staff') };

  it('records files, links and actuals in the event; links given as evidence are links too', () => {
    const result = decide(stateIn('in_progress'), { type: 'reportProgress', text: '进展', evidenceLinks: ['https://a.cn/1'], evidence: [FILE, { kind: 'url', url: 'https://a.cn/2' }], actuals: [ACTUAL] }, context);
    if (!result.ok) throw new Error(result.reason);
    expect(result.events[0]).toMatchObject({
      type: 'progress_reported',
      payload: { evidenceLinks: ['https://a.cn/1', 'https://a.cn/2'], evidence: [FILE, { kind: 'url', url: 'https://a.cn/2' }], actuals: [ACTUAL] },
    });
  });

  it('records the same event as before when a report has neither (histories replay unchanged)', () => {
    const result = decide(stateIn('in_progress'), { type: 'reportProgress', text: '进展', percent: 30 }, context);
    if (!result.ok) throw new Error(result.reason);
    expect(result.events[0]!.payload).toEqual({ percent: 30, actualValue: null, text: '进展', evidenceLinks: [] });
  });

  it('refuses malformed evidence or actuals whoever sent them', () => {
    expect(decide(stateIn('in_progress'), { type: 'reportProgress', text: '进展', evidence: [{ kind: 'url', url: 'javascript:alert(1)' }] }, context)).toMatchObject({ ok: false, code: 'invalid_evidence' });
    expect(decide(stateIn('in_progress'), { type: 'reportProgress', text: '进展', evidence: [{ ...FILE, fileId: '../x' }] }, context)).toMatchObject({ ok: false, code: 'invalid_evidence' });
    expect(decide(stateIn('in_progress'), { type: 'reportProgress', text: '进展', actuals: [{ ...ACTUAL, value: Number.POSITIVE_INFINITY }] }, context)).toMatchObject({ ok: false, code: 'invalid_value' });
    expect(decide(stateIn('in_progress'), { type: 'reportProgress', text: '进展', actuals: [{ ...ACTUAL, year: 25 }] }, context)).toMatchObject({ ok: false, code: 'invalid_actual' });
  });
});
