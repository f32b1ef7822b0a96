import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const HEADING = /^[一二三四五六七八九十]+、/;
// 公文 conventions: title in 小标宋 二号 (22 pt), headings 黑体 三号 (16 pt), body 仿宋 三号 with a two-character indent.
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_FONT = '仿宋_GB2312';
const SIZE_TITLE = 44;
const SIZE_BODY = 32;

/** The bulletin text as a .docx: the title centred, 一、二、… lines as headings, other lines as indented body paragraphs. */
export async function bulletinDocx(input: { title: string; text: string; issuer?: string; date?: string }): Promise<Buffer> {
  const paragraphs: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: input.title, font: TITLE_FONT, size: SIZE_TITLE })],
    }),
  ];
  for (const line of input.text.split('\n').map((text) => text.trim()).filter((text) => text !== '')) {
    paragraphs.push(
      HEADING.test(line)
        ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: line, font: HEADING_FONT, size: SIZE_BODY })] })
        : new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text: line, font: BODY_FONT, size: SIZE_BODY })] }),
    );
  }
  for (const closing of [input.issuer, input.date]) {
    if (closing) paragraphs.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: closing, font: BODY_FONT, size: SIZE_BODY })] }));
  }
  return Packer.toBuffer(new Document({ creator: 'Duban', title: input.title, sections: [{ children: paragraphs }] }));
}
