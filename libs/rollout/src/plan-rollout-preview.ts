import { join } from 'node:path';
import { planRollout, type PlanInput, type Rollout } from '@duban/domain';
import { directoryForText, loadUnitDirectories } from '@duban/plan-parser';

export interface StoredPlan {
  readonly id: string;
  readonly title: string;
  readonly issuer: string | null;
  readonly parsed: object;
  readonly settings?: { readonly defaultDueDate?: string } | object;
}

/**
 * What publishing a plan creates: the domain rollout with the city's district
 * directory from seeds/directories (picked from the plan's own words). Used by
 * the publish preview (service) and by the rollout activity, so both agree.
 */
export function planRolloutPreview(plan: StoredPlan, seedsDir: string, defaultDueDate?: string): Rollout {
  const parsed = plan.parsed as PlanInput;
  const directories = loadUnitDirectories(join(seedsDir, 'directories'));
  const cityText = [plan.title, plan.issuer ?? '', ...parsed.tasks.slice(0, 20).map((task) => task.title)].join('\n');
  const directory = directoryForText(cityText, directories);
  const fallbackDue = defaultDueDate ?? (plan.settings as { defaultDueDate?: string } | undefined)?.defaultDueDate;
  return planRollout(parsed, {
    planId: plan.id,
    ...(directory ? { directory: directory.districts } : {}),
    ...(fallbackDue ? { defaultDueDate: fallbackDue } : {}),
  });
}
