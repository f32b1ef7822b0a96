import type { EntityManager } from 'typeorm';

/**
 * The bulletin row of plan × kind × cut-off, created if missing (one per period), with its status.
 * Shared by the service (which answers POST /bulletins with the id) and the workflow's first activity.
 */
export async function ensureBulletinRow(
  manager: EntityManager,
  input: { planId: string; kind: string; asOf: string; workflowId: string },
): Promise<{ id: string; status: string }> {
  await manager.query(
    `INSERT INTO review_bulletins (id, plan_id, kind, as_of, status, workflow_id) VALUES (gen_random_uuid(), $1, $2, $3, 'drafting', $4)
     ON CONFLICT (plan_id, kind, as_of) DO NOTHING`,
    [input.planId, input.kind, input.asOf, input.workflowId],
  );
  const [row] = (await manager.query('SELECT id, status FROM review_bulletins WHERE plan_id = $1 AND kind = $2 AND as_of = $3', [input.planId, input.kind, input.asOf])) as { id: string; status: string }[];
  return row!;
}
