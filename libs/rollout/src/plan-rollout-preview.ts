import {
  detectJurisdiction,
  planRollout,
  planWithDirectoryUnits,
  publishProblems,
  resolvePlanUnits,
  type AssignmentDraft,
  type OrganisationDirectory,
  type PlanInput,
  type PlanUnitResolution,
  type PublishProblem,
  type Rollout,
} from '@duban/domain';

export interface StoredPlan {
  readonly id: string;
  readonly title: string;
  readonly issuer: string | null;
  readonly parsed: object;
  readonly settings?: { readonly defaultDueDate?: string } | object;
  readonly jurisdictionId?: string | null;
  readonly proposalsConfirmedAt?: Date | null;
  readonly planEndDefaultAcceptedAt?: Date | null;
}

/** A draft with the directory unit that holds it (null while its printed name is unresolved). */
export type UnitDraft = AssignmentDraft & { readonly unitId: string | null };

export interface PlanRolloutView {
  readonly rollout: Omit<Rollout, 'drafts'> & { readonly drafts: readonly UnitDraft[] };
  readonly resolutions: readonly PlanUnitResolution[];
  /** What stops publishing (empty = publishable). */
  readonly problems: readonly PublishProblem[];
}

/** The plan's body text, for jurisdiction detection (a city named only inside the text: 健康连云港). */
export function planBodyText(plan: Pick<StoredPlan, 'parsed'>): string {
  const parsed = plan.parsed as { tasks: readonly { title: string; text?: unknown }[] };
  return parsed.tasks.map((task) => `${task.title}\n${typeof task.text === 'string' ? task.text : ''}`).join('\n');
}

/** The jurisdiction detected from the plan's own words (see detectJurisdiction). */
export function detectPlanJurisdiction(plan: StoredPlan, directory: OrganisationDirectory) {
  return detectJurisdiction({ title: plan.title, issuer: plan.issuer, text: planBodyText(plan) }, directory.jurisdictions);
}

/**
 * What publishing a plan creates: every printed unit name resolved against the plan's jurisdiction in the
 * organisation directory (from Postgres, never seeds/ on disk), the domain rollout over the resolved names,
 * and the publish gate's problems. The publish preview (service) and the rollout activity both call this.
 */
export function planRolloutPreview(plan: StoredPlan, directory: OrganisationDirectory, asOf: string, defaultDueDate?: string): PlanRolloutView {
  const parsed = plan.parsed as PlanInput;
  const jurisdictionId = plan.jurisdictionId ?? null;
  const context = { directory, jurisdictionId, asOf };
  const resolutions = resolvePlanUnits(parsed, context);
  const resolved = planWithDirectoryUnits(parsed, resolutions, context);
  const storedDue = (plan.settings as { defaultDueDate?: string } | undefined)?.defaultDueDate;
  const fallbackDue = defaultDueDate ?? storedDue;
  const rollout = planRollout(resolved.plan, {
    planId: plan.id,
    directory: resolved.directory,
    ...(fallbackDue ? { defaultDueDate: fallbackDue } : {}),
  });
  const drafts = rollout.drafts.map((draft) => ({ ...draft, unitId: resolved.unitIds.get(draft.unitName) ?? null }));
  const problems = publishProblems({
    jurisdictionId,
    resolutions,
    rollout,
    proposalsConfirmed: plan.proposalsConfirmedAt != null,
    dueDateDefaultAccepted: fallbackDue !== undefined || plan.planEndDefaultAcceptedAt != null,
  });
  return { rollout: { ...rollout, drafts }, resolutions, problems };
}
