import { findClauses, findTrailingClause, parseResponsibility } from './responsibility-clause';

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

describe('clauses by structure', () => {
  it('reads clauses in 〔〕 and 【】 brackets, labelled or not', () => {
    expect(findTrailingClause('正文。〔责任单位：市民政局、市商务局〕')?.raw).toBe('市民政局、市商务局');
    const c = findTrailingClause('正文。【牵头单位：县教育局；配合单位：县财政局、县人社局】');
    const r = parseResponsibility(c!.raw, 'first');
    expect(r.lead).toEqual(['县教育局']);
    expect(r.supporting).toEqual(['县财政局', '县人社局']);
  });

  it('reads a comma (not a semicolon) before 配合单位, and keeps 县级市 and 各区 as printed', () => {
    const r = parseResponsibility('牵头单位：市发展改革委，配合单位：市财政局、市商务局，各区、县级市', 'first');
    expect(r.units).toEqual(['市发展改革委', '市财政局', '市商务局', '各区', '县级市']);
    expect(r.unitsResolved).toEqual(r.units);
    expect(r.lead).toEqual(['市发展改革委']);
    expect(r.supporting).toEqual(['市财政局', '市商务局', '各区', '县级市']);
  });

  it('keeps bracketed names whole and drops boilerplate (列第一位的为牵头单位、下同、等相关部门、按职责分工负责)', () => {
    const r = parseResponsibility('市卫生健康委、市民政局，各县〔市、区〕人民政府；列第一位的为牵头单位，下同', 'first');
    expect(r.units).toEqual(['市卫生健康委', '市民政局', '各县〔市、区〕人民政府']);
    expect(parseResponsibility('市民政局、市卫生健康委等相关部门', 'first').units).toEqual(['市民政局', '市卫生健康委']);
    expect(parseResponsibility('市民政局、市财政局，按职责分工负责', 'first').units).toEqual(['市民政局', '市财政局']);
  });

  it('separates a deadline written inside the clause from its units', () => {
    const c = findTrailingClause('推动热线升级。（0.5分）（6月底完成，牵头考核单位：市政府办公室、市公安局）');
    const r = parseResponsibility(c!.raw, 'first');
    expect(r.units).toEqual(['市政府办公室', '市公安局']);
    expect(r.lead).toEqual(['市政府办公室', '市公安局']);
    expect(r.preamble).toBe('6月底完成');
  });

  it('finds several clauses in one task, but not asides in brackets', () => {
    const all = findClauses('建立清单。（合肥海关负责）巩固传统产品（含纺织服装）出口优势。（省商务厅牵头，合肥海关配合）');
    expect(all.map((x) => [x.raw, x.trailing])).toEqual([
      ['合肥海关负责', false],
      ['省商务厅牵头，合肥海关配合', true],
    ]);
    const r = parseResponsibility('省十大新兴产业推进组工作专班牵头单位牵头，省十大新兴产业推进组工作专班成员单位按职责分工配合', 'first');
    expect(r.lead).toEqual(['省十大新兴产业推进组工作专班牵头单位']);
    expect(r.units).toHaveLength(2);
  });
});

describe('clause wordings of national documents', () => {
  it('drops every wording of the first-listed-leads rule', () => {
    expect(parseResponsibility('税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同', 'first').units).toEqual(['税务总局', '财政部', '海关总署']);
    expect(parseResponsibility('农业农村部、工业和信息化部负责。列第一位者为牵头单位，下同', 'first').units).toEqual(['农业农村部', '工业和信息化部']);
  });

  it('splits "X等和Y" into two lists and drops 等有关部门和单位', () => {
    const r = parseResponsibility('商务部、发展改革委、农业农村部等和各有关省级人民政府负责', 'first');
    expect(r.units).toEqual(['商务部', '发展改革委', '农业农村部', '各有关省级人民政府']);
    expect(r.lead).toEqual(['商务部']);
    expect(parseResponsibility('财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责', 'first').units).toEqual(['财政部', '人力资源社会保障部', '民政部']);
    // 各有关部门和单位 alone is the unit, not a tail to drop.
    expect(parseResponsibility('各有关部门和单位，各省级人民政府按职责分工负责', 'first').units).toEqual(['各有关部门和单位', '各省级人民政府']);
  });

  it('takes 证监会 for a unit', () => {
    expect(findTrailingClause('支持期货交割。（海关总署、证监会负责）')?.raw).toBe('海关总署、证监会负责');
  });
});
