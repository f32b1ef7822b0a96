import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@duban/metrics';

/** Requests by method, route pattern (not the raw path: bounded label values) and status code. */
export const httpRequestsTotal = new Counter<'method' | 'route' | 'status'>({
  name: 'http_requests_total',
  help: 'HTTP requests by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'],
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram<'method' | 'route' | 'status'>({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration in seconds by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Label of requests no route matched (404s, and requests refused before routing such as 413). */
export const UNMATCHED_ROUTE = '(unmatched)';
