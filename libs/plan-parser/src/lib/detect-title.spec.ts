import { detectHeader } from './detect-title';
import { normalizeText, toLines } from './normalize-text';

const header = (t: string) => detectHeader(toLines(normalizeText(t)));

describe('detectHeader', () => {
  it('joins wrapped title lines and drops the draft mark', () => {
    const h = header('关于进一步促进基层医疗卫生服务体系\n健康发展的实施方案（征求意见稿）\n\n为深入贯彻…');
    expect(h.title).toBe('关于进一步促进基层医疗卫生服务体系健康发展的实施方案');
    expect(h.period).toBeNull();
  });

  it('takes the plan title from a covering notice, with 文号 and issuer', () => {
    const h = header(
      '郴政办发〔2022〕36号 郴州市人民政府办公室关于印发《郴州市某某三年行动计划（2023－2025年）》的通知\n各县市区人民政府：\n现印发给你们。\n郴州市人民政府办公室\n2022年12月26日\n郴州市某某三年行动计划（2023－2025年）\n为…',
    );
    expect(h.title).toBe('郴州市某某三年行动计划（2023－2025年）');
    expect(h.docNumber).toBe('郴政办发〔2022〕36号');
    expect(h.issuer).toBe('郴州市人民政府办公室');
    expect(h.period).toEqual({ from: 2023, to: 2025 });
  });

  it('does not take a cited 文号 for the document number', () => {
    expect(header('某市行动方案\n根据《通知》（苏政办发〔2024〕1号）要求').docNumber).toBeNull();
  });
});

describe('detectHeader on forwarded and web-page documents', () => {
  it('reads 关于转发《X》的通知 and skips Markdown front matter and quoted notes', () => {
    const h = header(
      '---\n标题: 某区政府办公室关于转发《某区海绵城市建设实施方案》的通知\n文号: 某府办发〔2024〕23号\n---\n\n> 本文由脚本提取\n\n# 某区政府办公室关于转发《某区海绵城市建设实施方案》的通知\n各镇：\n现转发给你们。\n某区人民政府办公室\n2024年9月30日\n某区海绵城市建设实施方案\n一、工作目标',
    );
    expect(h.title).toBe('某区海绵城市建设实施方案');
    expect(h.issueDate).toEqual({ year: 2024, month: 9, day: 30 });
  });

  it('takes a forwarded 请示 as the document, its title broken over two lines', () => {
    const h = header('国务院办公厅转发国家教委\n关于内地西藏班（校）扩大规模\n有关问题请示的通知\n国办发〔1996〕32号\n国务院办公厅 &sp;\n一九九六年七月十七日\n关于内地西藏班（校）\n扩大规模有关问题的请示\n国务院：\n一、逐年扩招');
    expect(h.title).toBe('关于内地西藏班（校）扩大规模有关问题的请示');
    expect(h.issuer).toBe('国务院办公厅');
    expect(h.docNumber).toBe('国办发〔1996〕32号');
  });

  it('joins joint signers printed on one line', () => {
    const h = header('市交通委、上海海事局\n关于印发《某港岸电实施方案》的通知\n各单位：\n上海市交通委员会 上海海事局\n2023年4月17日\n某港岸电实施方案\n一、目标');
    expect(h.issuer).toBe('上海市交通委员会、上海海事局');
  });
});
