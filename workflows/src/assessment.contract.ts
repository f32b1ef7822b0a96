import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface AssessmentInput {
  readonly planId: string;
  /** The year assessed. Absent for scheduled runs: the year of the cut-off (the day before the scheduled start). */
  readonly year?: number;
}

export interface AssessmentPrepared {
  readonly assessmentId: string;
  readonly year: number;
  readonly asOf: string;
}

export interface AssessmentComputed {
  readonly lines: number;
  readonly sanctions: number;
}

export type SanctionDecision = 'confirm' | 'waive';

export interface SanctionDecisionRequest {
  readonly sanctionId: string;
  readonly decision: SanctionDecision;
  /** Required to waive; optional to confirm. */
  readonly reason: string | null;
  readonly actorId: string;
}

export interface SanctionDecided {
  readonly sanctionId: string;
  readonly status: 'confirmed' | 'waived';
  readonly reason: string | null;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface AssessmentConfirmRequest {
  readonly actorId: string;
}

export interface AssessmentConfirmed {
  readonly assessmentId: string;
  readonly confirmedAt: string;
  /** Units told their score and rank (the plan publishes rankings), else 0. */
  readonly rankingsNotified: number;
}

export interface AssessmentProgress {
  readonly assessmentId: string | null;
  readonly stage: 'drafting' | 'draft' | 'confirmed';
}

export const decideSanctionUpdate = defineUpdate<SanctionDecided, [SanctionDecisionRequest]>('decideSanction');
export const confirmAssessmentUpdate = defineUpdate<AssessmentConfirmed, [AssessmentConfirmRequest]>('confirmAssessment');
export const assessmentProgressQuery = defineQuery<AssessmentProgress>('assessmentProgress');

/** The activities the assessment workflow calls; implemented in activities/. */
export interface AssessmentActivityApi {
  /**
   * Creates the assessment row of plan × year, or resets an unfinished one to drafting for this run (with the
   * plan's current rubric and publish-rankings choice). Fails (non-retryable, assessment_confirmed) when the
   * year's assessment is confirmed or a sanction of it has been decided.
   */
  prepareAssessment(input: AssessmentInput & { readonly runId: string; readonly workflowId: string }): Promise<AssessmentPrepared>;
  /** Reads the year's outcomes, 通报 and 约谈, scores them with the frozen rubric, writes lines and proposed sanctions; only for this run. */
  computeAssessment(input: { readonly assessmentId: string; readonly runId: string }): Promise<AssessmentComputed>;
  /** Records one decision (conditional on the sanction still being proposed); a confirmation writes the unit's notice (outbox). */
  decideAssessmentSanction(input: SanctionDecisionRequest & { readonly assessmentId: string }): Promise<SanctionDecided & { readonly outboxMessageIds: string[] }>;
  /** Confirms the assessment once no sanction is still proposed; with published rankings, one notice per unit. Idempotent. */
  confirmAssessmentRecord(input: AssessmentConfirmRequest & { readonly assessmentId: string }): Promise<AssessmentConfirmed & { readonly outboxMessageIds: string[] }>;
  /** Hands outbox messages to BullMQ (shared with the other workflows). */
  enqueueOutboxMessages(outboxMessageIds: string[]): Promise<void>;
}

export function assessmentWorkflowId(planId: string, year: number): string {
  return `assessment:${planId}:${year}`;
}
