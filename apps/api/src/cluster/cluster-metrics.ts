import cluster from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType } from 'prom-client';
import { metricsRegistry } from '@duban/metrics';

const REQUEST = 'duban:cluster-metrics-request';
const ANSWER = 'duban:cluster-metrics-answer';
const TIMEOUT_MS = 5000;

let aggregator: AggregatorRegistry<PrometheusContentType> | undefined;
let nextRequest = 0;
const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/**
 * Primary side: an API process asks for the cluster's metrics (a scrape reaches one process, chosen by the
 * kernel); the primary gathers every process's registry through prom-client's aggregator and answers with the sum.
 */
export function answerMetricsRequests(): void {
  aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== REQUEST) return;
    aggregator!
      .clusterMetrics()
      .then((text) => worker.send({ type: ANSWER, id: message.id, text }))
      .catch((error: unknown) => worker.send({ type: ANSWER, id: message.id, error: String(error) }));
  });
}

/** API process side: lets the primary read this process's registry (prom-client answers its requests). */
export function joinClusterMetrics(): void {
  if (!cluster.isWorker) return;
  AggregatorRegistry.setRegistries([metricsRegistry]);
  // Constructing one installs prom-client's answering listener in this process.
  new AggregatorRegistry();
  process.on('message', (message: { type?: string; id?: number; text?: string; error?: string }) => {
    if (message?.type !== ANSWER || message.id === undefined) return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.text ?? '');
  });
}

/** The metrics a scrape answers: every API process's summed in a cluster, this process's otherwise. */
export function apiMetrics(): Promise<string> {
  if (!cluster.isWorker || !process.send) return metricsRegistry.metrics();
  const id = nextRequest++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => (waiting.delete(id), reject(new Error('the cluster primary did not answer the metrics request'))), TIMEOUT_MS);
    waiting.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send!({ type: REQUEST, id });
  });
}
