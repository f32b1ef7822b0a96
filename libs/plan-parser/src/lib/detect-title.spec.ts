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
