import { chineseDate } from '../text/chinese-date';
import type { BulletinSummary, NamedItem } from './bulletin-summary';

export interface BulletinTextInput {
  readonly planTitle: string;
  /** Cut-off date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly kind: 'half_year' | 'on_demand';
  readonly summary: BulletinSummary;
}

// One date format for every text the domain writes (defined in text/, kept exported here for existing callers).
export { chineseDate };

export function bulletinTitle(input: Pick<BulletinTextInput, 'planTitle' | 'asOf' | 'kind'>): string {
  const [year, month] = input.asOf.split('-').map(Number);
  const when = input.kind === 'half_year' ? `${year}年${month! <= 6 ? '上半年' : '下半年'}` : `截至${chineseDate(input.asOf)}`;
  return `关于《${input.planTitle}》${when}推进情况的通报`;
}

function count(summary: BulletinSummary, key: string, list: 'byPace' | 'byLight'): { count: number; share: number } {
  const found = (summary[list] as readonly { key: string; count: number; share: number }[]).find((entry) => entry.key === key);
  return { count: found?.count ?? 0, share: found?.share ?? 0 };
}

function itemLine(item: NamedItem, index: number): string {
  const task = item.taskNumber !== null ? `第${item.taskNumber}项任务` : '目标任务';
  const title = item.taskTitle ? `“${item.taskTitle}”` : '';
  const region = item.region ? `（${item.region}）` : '';
  const overdue = item.overdueWorkingDays > 0 ? `，已逾期${item.overdueWorkingDays}个工作日` : '';
  const pace = item.pace === 'not_started' ? '，尚未启动' : item.pace === 'behind' ? '，进度滞后于序时进度' : '';
  return `${index + 1}. ${item.unitName}${region}：${task}${title}${pace}${overdue}。`;
}

/**
 * The bulletin's draft text in the customary structure: 一、总体情况 (counts and percentages);
 * 二、进展较快的单位; 三、进展滞后的事项和单位; 四、存在问题; 五、下步工作要求. A coordinator edits it before publishing.
 */
export function draftBulletinText(input: BulletinTextInput): string {
  const { summary } = input;
  const pace = (key: string) => count(summary, key, 'byPace');
  const light = (key: string) => count(summary, key, 'byLight');
  const lines: string[] = [];
  lines.push(`截至${chineseDate(input.asOf)}，《${input.planTitle}》共分解任务${summary.total}项。现将推进情况通报如下：`);
  lines.push('一、总体情况');
  lines.push(
    `已完成${pace('completed').count}项，占${pace('completed').share}%；超进度${pace('ahead').count}项，占${pace('ahead').share}%；` +
      `达进度${pace('on_pace').count}项，占${pace('on_pace').share}%；欠进度${pace('behind').count}项，占${pace('behind').share}%；` +
      `未启动${pace('not_started').count}项，占${pace('not_started').share}%。` +
      `亮红灯${light('red').count}项（${light('red').share}%），亮黄灯${light('yellow').count}项（${light('yellow').share}%），亮绿灯${light('green').count}项（${light('green').share}%）。`,
  );
  lines.push('二、进展较快的单位');
  lines.push(
    summary.fastUnits.length > 0
      ? `${summary.fastUnits.map((unit) => unit.unitName).join('、')}等${summary.fastUnits.length}个单位承担的任务均已完成或超序时进度推进。`
      : '本期暂无全部任务完成或超序时进度的单位。',
  );
  lines.push('三、进展滞后的事项和单位');
  if (summary.laggingTotal === 0) {
    lines.push('本期无进展滞后的事项。');
  } else {
    lines.push(`进展滞后的事项共${summary.laggingTotal}项${summary.laggingTotal > summary.laggingItems.length ? `，逾期最久的${summary.laggingItems.length}项如下` : '，具体如下'}：`);
    summary.laggingItems.forEach((item, index) => lines.push(itemLine(item, index)));
    if (summary.mostRedUnits.length > 0) {
      lines.push(`红灯事项较多的单位：${summary.mostRedUnits.slice(0, 5).map((unit) => `${unit.unitName}（${unit.red}项）`).join('、')}。`);
    }
  }
  lines.push('四、存在问题');
  lines.push(
    summary.laggingTotal > 0
      ? `部分单位重视程度不够、推进力度不足，${summary.candidateTotal > 0 ? `${summary.candidateTotal}项任务经催办、督办后仍未按期完成，` : ''}个别任务尚未启动，与序时进度要求存在差距。`
      : '各单位总体按序时进度推进，个别任务仍需加快进度、提高质量。',
  );
  lines.push('五、下步工作要求');
  lines.push(
    '各责任单位要对照任务分解表逐项梳理，对进展滞后的事项制定整改措施、明确完成时限，按时报送进展情况；' +
      '牵头单位要切实履行牵头责任，加强统筹协调。对工作不力、进展滞后的单位，将视情况予以通报、约谈。',
  );
  return lines.join('\n');
}
