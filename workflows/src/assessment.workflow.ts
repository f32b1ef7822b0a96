import { ActivityFailure, ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  assessmentProgressQuery,
  confirmAssessmentUpdate,
  decideSanctionUpdate,
  type AssessmentActivityApi,
  type AssessmentConfirmed,
  type AssessmentInput,
} from './assessment.contract';

const activities = proxyActivities<AssessmentActivityApi>({
  startToCloseTimeout: '15 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** An activity's refusal (its ApplicationFailure) becomes the Update's failure as it is, for the service to map. */
async function plainly<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
    throw error;
  }
}

function refused(message: string, type = 'conflict'): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

/**
 * 年度考核: freeze the year's scores, grades, ranks and proposed sanctions, then wait while a coordinator
 * confirms or waives each sanction and confirms the assessment (Updates; the activities check the record, so a
 * decision taken twice or raced is refused there). Re-running replaces an unfinished assessment (the service
 * terminates the waiting run); a confirmed one — or one with a decided sanction — is refused by prepareAssessment.
 */
export async function assessmentWorkflow(input: AssessmentInput): Promise<AssessmentConfirmed & { year: number; asOf: string }> {
  let assessmentId: string | null = null;
  let stage: 'drafting' | 'draft' | 'confirmed' = 'drafting';
  let confirmed: AssessmentConfirmed | null = null;
  let confirming = false;

  setHandler(assessmentProgressQuery, () => ({ assessmentId, stage }));
  setHandler(
    decideSanctionUpdate,
    async (request) => {
      // The record turns to draft a moment before this workflow does: a decision arriving in between waits.
      await condition(() => stage !== 'drafting');
      if (stage === 'confirmed' || confirming) throw refused('考核结果已确认，不能再处理');
      const outcome = await plainly(() => activities.decideAssessmentSanction({ ...request, assessmentId: assessmentId! }));
      await activities.enqueueOutboxMessages(outcome.outboxMessageIds);
      const { outboxMessageIds: _delivered, ...decided } = outcome;
      return decided;
    },
    {
      validator: (request) => {
        if (stage === 'confirmed' || confirming) throw refused('考核结果已确认，不能再处理');
        if (request.decision === 'waive' && !(request.reason ?? '').trim()) throw refused('免予处理须说明理由', 'invalid_input');
      },
    },
  );
  setHandler(
    confirmAssessmentUpdate,
    async (request) => {
      await condition(() => stage !== 'drafting');
      confirming = true;
      try {
        const outcome = await plainly(() => activities.confirmAssessmentRecord({ ...request, assessmentId: assessmentId! }));
        await activities.enqueueOutboxMessages(outcome.outboxMessageIds);
        const { outboxMessageIds: _delivered, ...result } = outcome;
        confirmed = result;
        stage = 'confirmed';
        return result;
      } finally {
        // A refusal (sanctions still proposed) leaves the assessment open for decisions.
        confirming = false;
      }
    },
    {
      validator: (_request) => {
        if (stage === 'confirmed' || confirming) throw refused('考核结果已确认，不能重复确认');
      },
    },
  );

  const { runId, workflowId } = workflowInfo();
  const prepared = await activities.prepareAssessment({ ...input, runId, workflowId });
  assessmentId = prepared.assessmentId;
  await activities.computeAssessment({ assessmentId, runId });
  stage = 'draft';
  await condition(() => confirmed !== null);
  return { ...confirmed!, year: prepared.year, asOf: prepared.asOf };
}
