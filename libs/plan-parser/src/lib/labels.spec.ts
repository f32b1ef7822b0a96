import { chineseToNumber, isHeadingOnly, parseLabel } from './labels';

describe('parseLabel', () => {
  it.each([
    ['1. 优化配置。', 'ar-dot', 1, '1.'],
    ['10.加强建设。', 'ar-dot', 10, '10.'],
    ['1．提升能力。', 'ar-dot', 1, '1．'],
    ['1、 指导思想', 'ar-dun', 1, '1、'],
    ['十二、强化保障', 'cn', 12, '十二、'],
    ['（三）完善体系', 'cn-paren', 3, '（三）'],
    ['(三) 严格督导考核。', 'cn-paren', 3, '(三)'],
    ['（12）开展清单管理。', 'ar-paren', 12, '（12）'],
    ['③ 加强监测。', 'circled', 3, '③'],
    ['第五条 责任分工', 'article', 5, '第五条'],
  ])('%s', (line, style, number, label) => {
    expect(parseLabel(line)).toMatchObject({ style, number, label });
  });

  it('does not take dates, decimals or bare numbers for labels', () => {
    expect(parseLabel('2025年底前完成')).toBeNull();
    expect(parseLabel('1.5倍以上')).toBeNull();
    expect(parseLabel('1.')).toBeNull();
  });

  it('converts Chinese numerals', () => {
    expect(chineseToNumber('二十三')).toBe(23);
    expect(chineseToNumber('十')).toBe(10);
    expect(chineseToNumber('一百零五')).toBe(105);
  });

  it('tells headings from items with a body', () => {
    expect(isHeadingOnly('主要任务')).toBe(true);
    expect(isHeadingOnly('加强组织领导。各地要提高认识。')).toBe(false);
  });
});
