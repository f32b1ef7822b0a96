import { assignmentKey, assignmentWorkflowId } from './assignment-key';

describe('assignment keys and workflow ids', () => {
  it('builds readable deterministic keys', () => {
    expect(assignmentKey({ planId: 'nt-2023', taskRef: 3, unitName: '市卫健委', region: null })).toBe('nt-2023/3/市卫健委/-');
    expect(assignmentKey({ planId: 'nt-2023', taskRef: 3, unitName: '海安市人民政府', region: '海安' })).toBe(
      'nt-2023/3/海安市人民政府/海安',
    );
  });

  it('keeps parts from breaking the separator and collapses whitespace', () => {
    expect(assignmentKey({ planId: 'p', taskRef: '表（一）', unitName: ' 市卫健委/市医保局 ', region: 'a  b' })).toBe(
      'p/表（一）/市卫健委／市医保局/a b',
    );
  });

  it('prefixes workflow ids and keeps Chinese', () => {
    expect(assignmentWorkflowId('p/1/市卫健委/-')).toBe('assignment:p/1/市卫健委/-');
    expect(assignmentWorkflowId('p/1/a\u0000b\n/-')).toBe('assignment:p/1/ab/-');
  });

  it('shortens very long keys with a stable hash', () => {
    const longKey = `p/1/${'很长的单位名称'.repeat(40)}/-`;
    const id = assignmentWorkflowId(longKey);
    expect(Buffer.byteLength(id, 'utf8')).toBeLessThanOrEqual(400);
    expect(id.startsWith('assignment:p/1/很长的单位名称')).toBe(true);
    expect(id).toMatch(/~[0-9a-f]{8}$/);
    expect(assignmentWorkflowId(longKey)).toBe(id);
    expect(assignmentWorkflowId(`${longKey}x`)).not.toBe(id);
  });
});
