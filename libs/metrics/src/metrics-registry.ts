import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * The process's Prometheus registry (GET /metrics). It lives in a library so the
 * services (type:service) can count workflow events as well as the API.
 * Module-level: created once per process, however many Nest apps a test starts.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'duban_' });

/**
 * Workflow events, e.g. `workflowCounter.inc({ workflow: 'assignment', event: 'started' })`
 * or `{ workflow: 'assignment', event: 'action:accept' }`. Keep label values to a small fixed set.
 */
export const workflowCounter = new Counter<'workflow' | 'event'>({
  name: 'duban_workflow_events_total',
  help: 'Workflow events (started workflows, actions) by workflow type and event',
  labelNames: ['workflow', 'event'],
  registers: [metricsRegistry],
});
