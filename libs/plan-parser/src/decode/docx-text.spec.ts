import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { docxToText } from './docx-text';
import { formatNumber } from './list-numbering';

/** .docx files made here with real Word numbering definitions (numbering.xml), not typed numbers. */
async function docxOf(paragraphs: Array<Paragraph | Table>, config: ConstructorParameters<typeof Document>[0]['numbering']): Promise<Uint8Array> {
  const doc = new Document({ numbering: config, sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start = 1, suffix?: (typeof LevelSuffix)[keyof typeof LevelSuffix]) => ({
  level: lvl,
  format,
  text,
  start,
  alignment: AlignmentType.LEFT,
  ...(suffix ? { suffix } : {}),
});

const p = (text: string, reference?: string, lvl = 0, instance?: number) =>
  new Paragraph({ children: [new TextRun(text)], ...(reference ? { numbering: { reference, level: lvl, ...(instance !== undefined ? { instance } : {}) } } : {}) });

describe('.docx list numbering', () => {
  it('renders decimal, chineseCounting, ideographTraditional and circled formats', async () => {
    const bytes = await docxOf(
      [p('重点任务', 'cn'), p('推进医共体建设。', 'dec'), p('完善分级诊疗。', 'dec'), p('保障措施', 'cn'), p('甲项', 'gan'), p('乙项', 'gan'), p('子项一', 'circle'), p('子项二', 'circle')],
      {
        config: [
          { reference: 'cn', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、')] },
          { reference: 'dec', levels: [level(0, LevelFormat.DECIMAL, '%1.')] },
          { reference: 'gan', levels: [level(0, LevelFormat.IDEOGRAPH_TRADITIONAL, '%1、')] },
          { reference: 'circle', levels: [level(0, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1', 1, LevelSuffix.NOTHING)] },
        ],
      },
    );
    expect((await docxToText(bytes)).split('\n')).toEqual(['一、重点任务', '1.推进医共体建设。', '2.完善分级诊疗。', '二、保障措施', '甲、甲项', '乙、乙项', '①子项一', '②子项二']);
  });

  it('renders multi-level lvlText (（%1） and %1.%2), restarts lower levels and honours start values', async () => {
    const bytes = await docxOf(
      [p('重点任务', 'multi', 0), p('完善体系', 'multi', 1), p('优化布局', 'multi', 2), p('建设中心', 'multi', 2), p('加强财政支持', 'multi', 1), p('明确保障', 'multi', 2), p('第五项起', 'five')],
      {
        config: [
          {
            reference: 'multi',
            levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）'), level(2, LevelFormat.DECIMAL, '%2.%3')],
          },
          { reference: 'five', levels: [level(0, LevelFormat.DECIMAL, '%1．', 5)] },
        ],
      },
    );
    expect((await docxToText(bytes)).split('\n')).toEqual(['一、重点任务', '（一）完善体系', '一.1 优化布局', '一.2 建设中心', '（二）加强财政支持', '二.1 明确保障', '5．第五项起']);
  });

  it('restarts a list in a new numbering instance and renders tables as cell lines', async () => {
    const table = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [p('地区')] }), new TableCell({ children: [p('2024年')] })] })] });
    const bytes = await docxOf([p('甲', 'dec', 0, 1), p('乙', 'dec', 0, 1), p('丙', 'dec', 0, 2), table], {
      config: [{ reference: 'dec', levels: [level(0, LevelFormat.DECIMAL, '%1.')] }],
    });
    expect((await docxToText(bytes)).split('\n')).toEqual(['1.甲', '2.乙', '1.丙', '\t地区', '\t2024年', '']);
  });

  it.each([
    [12, 'chineseCounting', '十二'],
    [20, 'chineseCounting', '二十'],
    [105, 'chineseCounting', '一百零五'],
    [3, 'ideographTraditional', '丙'],
    [7, 'decimalEnclosedCircle', '⑦'],
    [4, 'lowerRoman', 'iv'],
    [28, 'upperLetter', 'BB'],
    [3, 'decimalFullWidth', '３'],
  ])('formats %i as %s → %s', (n, fmt, text) => {
    expect(formatNumber(n, fmt)).toBe(text);
  });
});
