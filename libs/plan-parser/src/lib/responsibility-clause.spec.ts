import { findTrailingClause, parseResponsibility } from './responsibility-clause';

describe('responsibility clauses', () => {
  it('reads （责任单位：…） with a default-implementer sentence', () => {
    const text = '一、优化布局。到2030年完成。（责任单位：市卫健委、市发改委，各区人民政府。以下政策措施均需各区人民政府落实，不再单独列出）。';
    const c = findTrailingClause(text);
    expect(c?.raw).toBe('市卫健委、市发改委，各区人民政府。以下政策措施均需各区人民政府落实，不再单独列出');
    const r = parseResponsibility(c!.raw, 'first');
    expect(r.units).toEqual(['市卫健委', '市发改委', '各区人民政府']);
    expect(r.lead).toEqual(['市卫健委']);
    expect(r.defaultImplementers).toEqual(['各区人民政府']);
  });

  it('drops 按职责分工负责 and reads 负责落实 units', () => {
    const r = parseResponsibility('市医改办、市卫生健康委按职责分工负责，县市区人民政府负责落实。以下均需县市区人民政府落实，不再列出', 'first');
    expect(r.units).toEqual(['市医改办', '市卫生健康委', '县市区人民政府']);
    expect(r.defaultImplementers).toEqual(['县市区人民政府']);
  });

  it('marks lead and supporting units', () => {
    const a = parseResponsibility('牵头单位：县经信局；配合单位：县生态环境局、发改局', 'first');
    expect(a.lead).toEqual(['县经信局']);
    expect(a.supporting).toEqual(['县生态环境局', '县发改局']);
    const b = parseResponsibility('市财政局、市人社局牵头，市卫健委配合', 'first');
    expect(b.lead).toEqual(['市财政局', '市人社局']);
    expect(b.supporting).toEqual(['市卫健委']);
  });

  it('applies a document rule: units before the first comma lead', () => {
    expect(parseResponsibility('市建设局、市财政局，各区政府', 'first-comma-group').lead).toEqual(['市建设局', '市财政局']);
  });

  it('finds bare lists and trailing paragraphs, not other parentheses', () => {
    expect(findTrailingClause('正文。（市卫生健康委、发展改革委）')?.raw).toBe('市卫生健康委、发展改革委');
    expect(findTrailingClause('正文。\n责任单位：市公安局、市交通运输局')?.raw).toBe('市公安局、市交通运输局');
    expect(findTrailingClause('正文（以上指标如遇国家或省调整，按新标准执行）')).toBeNull();
    expect(findTrailingClause('正文（2022版）')).toBeNull();
    expect(findTrailingClause('正文）））（市财政局')).toBeNull();
  });
});
