/** A plan's life: imported as a draft, published (assignments rolling out, then running), or withdrawn. */
export const PLAN_STATUSES = ['draft', 'publishing', 'published', 'withdrawn'] as const;

export type PlanStatusCode = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatusCode, string>> = {
  draft: '草稿',
  publishing: '发布中',
  published: '已发布',
  withdrawn: '已撤回',
};
