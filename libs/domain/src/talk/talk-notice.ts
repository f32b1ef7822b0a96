import { shanghaiDateOf, SHANGHAI_UTC_OFFSET_MS } from '@duban/calendar';
import type { TalkTarget } from './talk-status';

/** The reason a ladder proposal carries (the coordinator reads it on the 约谈 list). */
export const LADDER_TALK_REASON = '任务逾期，督办升级已达约谈级别，系统建议约谈';

/** 2026年7月3日 09:30 (Asia/Shanghai) — how a notice names the time of a talk. */
export function formatTalkTime(instant: number): string {
  const [year, month, day] = shanghaiDateOf(instant).split('-').map(Number);
  const clock = new Date(instant + SHANGHAI_UTC_OFFSET_MS).toISOString().slice(11, 16);
  return `${year}年${month}月${day}日 ${clock}`;
}

export interface TalkScheduledFacts {
  readonly unitName: string;
  readonly taskTitle: string | null;
  readonly reason: string;
  readonly scheduledAt: number;
  readonly place: string;
  readonly attendees: string;
  readonly talkTarget: TalkTarget;
}

/** Whom the notice says is talked to (after 贵单位, so without 单位). */
const WHOM: Readonly<Record<TalkTarget, string>> = { principal: '主要负责人', deputy: '分管负责人' };

/** The one notice a unit receives when its 约谈 is arranged (or re-arranged). */
export function talkScheduledNotice(facts: TalkScheduledFacts): { readonly title: string; readonly body: string } {
  const task = facts.taskTitle ? `就“${facts.taskTitle}”` : '';
  return {
    title: `约谈通知：${facts.unitName}`,
    body:
      `${facts.unitName}：定于${formatTalkTime(facts.scheduledAt)}在${facts.place}${task}约谈贵单位${WHOM[facts.talkTarget]}。` +
      `约谈事由：${facts.reason}。参加人员：${facts.attendees}。请按时参加，并提前准备情况说明。`,
  };
}
