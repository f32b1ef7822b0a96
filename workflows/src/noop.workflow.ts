/**
 * A workflow that does nothing: the baseline of the rollout benchmark (how fast
 * this server and worker start trivial workflows), and a liveness probe.
 */
export async function noopWorkflow(): Promise<void> {
  // Intentionally empty.
}
