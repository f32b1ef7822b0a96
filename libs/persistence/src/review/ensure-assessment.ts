import type { EntityManager } from 'typeorm';

/**
 * The assessment row of plan × year, created if missing (one per year), with its status. Shared by the
 * service (which answers POST /assessments with the id) and the workflow's first activity.
 */
export async function ensureAssessmentRow(
  manager: EntityManager,
  input: { planId: string; year: number; asOf: string; workflowId: string },
): Promise<{ id: string; status: string }> {
  await manager.query(
    `INSERT INTO assessments (id, plan_id, year, as_of, status, workflow_id) VALUES (gen_random_uuid(), $1, $2, $3, 'drafting', $4)
     ON CONFLICT (plan_id, year) DO NOTHING`,
    [input.planId, input.year, input.asOf, input.workflowId],
  );
  const [row] = (await manager.query('SELECT id, status FROM assessments WHERE plan_id = $1 AND year = $2', [input.planId, input.year])) as { id: string; status: string }[];
  return row!;
}

/** Whether an assessment may no longer be re-run: confirmed, or a sanction of it already decided (a unit may have been told). */
export async function assessmentIsFinished(manager: EntityManager, assessmentId: string): Promise<boolean> {
  const [row] = (await manager.query(
    `SELECT a.status = 'confirmed' OR EXISTS (SELECT 1 FROM assessment_sanctions s WHERE s.assessment_id = a.id AND s.status <> 'proposed') AS finished
       FROM assessments a WHERE a.id = $1`,
    [assessmentId],
  )) as { finished: boolean }[];
  return row?.finished ?? false;
}
