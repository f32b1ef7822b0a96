import mammoth from 'mammoth';
import { bulletinDocx } from './bulletin-docx.writer';

describe('bulletinDocx (通报 .docx)', () => {
  it('reads back with its title, headings as headings and body paragraphs', async () => {
    const bytes = await bulletinDocx({
      title: '关于《专项行动方案》2026年上半年推进情况的通报',
      text: '截至2026年6月30日，共分解任务24项。\n一、总体情况\n已完成3项，占12.5%。\n\n五、下步工作要求\n各责任单位要对照任务分解表逐项梳理。',
      date: '2026-06-30',
    });
    const raw = (await mammoth.extractRawText({ buffer: bytes })).value.split('\n').filter((line) => line.trim() !== '');
    expect(raw).toEqual([
      '关于《专项行动方案》2026年上半年推进情况的通报',
      '截至2026年6月30日，共分解任务24项。',
      '一、总体情况',
      '已完成3项，占12.5%。',
      '五、下步工作要求',
      '各责任单位要对照任务分解表逐项梳理。',
      '2026-06-30',
    ]);
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<h1>一、总体情况</h1>');
    expect(html).toContain('<h1>五、下步工作要求</h1>');
  });
});
