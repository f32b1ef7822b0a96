import type { TalkSource, TalkStatus, TalkTarget } from './talk-status';

/** Chinese names of the talk vocabulary (re-exported with the other labels in libs/domain/src/labels). */
export const TALK_STATUS_LABELS: Readonly<Record<TalkStatus, string>> = {
  proposed: '待安排',
  scheduled: '已安排',
  held: '已约谈待整改',
  rectification_reported: '整改已报送',
  verified: '整改已验收',
  escalated: '已升级处理',
  cancelled: '已取消',
};

export const TALK_SOURCE_LABELS: Readonly<Record<TalkSource, string>> = {
  ladder: '逾期升级建议',
  bulletin: '通报建议',
  assessment: '考核建议',
  manual: '协调人发起',
};

export const TALK_TARGET_LABELS: Readonly<Record<TalkTarget, string>> = {
  principal: '单位主要负责人',
  deputy: '分管负责人',
};

export const TALK_ACTION_LABELS = {
  schedule: '安排约谈',
  hold: '记录约谈',
  reportRectification: '报送整改',
  verify: '验收整改',
  escalate: '升级处理',
} as const;
