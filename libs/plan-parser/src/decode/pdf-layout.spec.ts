import { layoutPdf, PdfPage, PdfTextItem } from './pdf-layout';

/** Text items as pdfjs gives them: x, baseline y (upwards), width, font size. */
const item = (str: string, x: number, y: number, size = 12): PdfTextItem => ({ str, x, y, width: str.length * size, size });
const page = (items: PdfTextItem[]): PdfPage => ({ width: 595, height: 842, items });

describe('PDF layout', () => {
  const pages = [
    page([
      item('某市人民政府文件', 72, 802, 9),
      item('二、重点任务', 96, 760),
      // A paragraph wrapped at the right edge (72 + 36 × 12 = 504): its next line starts at the margin.
      item('1.推进医共体建设。到2025年底，县市区力争各建成1个县域医疗次', 96, 740),
      item('中心。（责任单位：市卫生健康委）', 72, 720),
      item('2.完善分级诊疗。', 96, 700),
      item('地区', 72, 680),
      item('2024年', 200, 680),
      item('2025年', 300, 680),
      item('— 1 —', 280, 30, 10),
    ]),
    page([item('某市人民政府文件', 72, 802, 9), item('3.加强队伍建设。（责任单位：市人社局）', 96, 760), item('— 2 —', 280, 30, 10)]),
  ];

  it('joins wrapped lines, keeps labelled and indented lines apart, turns wide gaps into tabs', () => {
    const { text } = layoutPdf(pages);
    expect(text.split('\n')).toEqual([
      '二、重点任务',
      '1.推进医共体建设。到2025年底，县市区力争各建成1个县域医疗次中心。（责任单位：市卫生健康委）',
      '2.完善分级诊疗。',
      '地区\t2024年\t2025年',
      '3.加强队伍建设。（责任单位：市人社局）',
    ]);
  });

  it('drops the running header and the page numbers and records where each page starts', () => {
    const { text, pageStarts } = layoutPdf(pages);
    expect(text).not.toContain('人民政府文件');
    expect(text).not.toContain('—');
    expect(pageStarts).toHaveLength(2);
    expect(text.slice(pageStarts[1]).startsWith('3.加强队伍建设')).toBe(true);
  });
});
