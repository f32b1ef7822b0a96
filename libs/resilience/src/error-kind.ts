/**
 * What a failure of PostgreSQL, Redis or Temporal means for the caller:
 * - `unavailable`: the dependency did not answer (connection refused or lost, a
 *   timeout, a restart, a deadlock or serialization failure): the same request may
 *   succeed later, so retry (activities) or answer 503 with Retry-After (API);
 * - `data`: the dependency refused this content (invalid text, a constraint): the
 *   same request fails again, so never retry it;
 * - `unknown`: anything else (a bug): retried a few times at most, 500 in the API.
 */
export type ErrorKind = 'unavailable' | 'data' | 'unknown';

/** SQLSTATE classes and codes worth retrying: connection, resources, shutdown, cancel, lock, deadlock. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57', '58'];
const TRANSIENT_SQLSTATES = ['40001', '40P01', '55P03', '55006'];
/** SQLSTATE classes of content the database refuses: data exceptions, integrity constraints, invalid values. */
const DATA_SQLSTATE_CLASSES = ['22', '23', '2F', '42', '44'];

/** Node socket errors: the other side is not there (yet). */
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'ESOCKETTIMEDOUT'];

/** gRPC status codes (Temporal) of an unreachable or overloaded server. */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_CANCELLED = 1;

/** Messages of drivers that throw plain Errors when the server is gone (pg, pg-pool, TypeORM, ioredis). */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (is )?closed/i,
  /not queryable/i,
  /driver not connected/i,
  /query read timeout/i,
  /command timed out/i,
  /stream isn't writeable/i,
  /max retries per request/i,
  /reached the max retries/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
  /did not answer within/i,
];

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly driverError?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
}

/** Classifies an error by what it says about its dependency, following `cause` and `driverError` links. */
export function errorKind(error: unknown): ErrorKind {
  const seen = new Set<unknown>();
  let data = false;
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const kind = ownKind(current as ErrorLike);
    if (kind === 'unavailable') return 'unavailable';
    if (kind === 'data') data = true;
    const { cause, driverError, errors } = current as ErrorLike;
    queue.push(cause, driverError);
    // AggregateError (e.g. a connect attempt to every address of a host name).
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return data ? 'data' : 'unknown';
}

/** True when the error means a dependency is unavailable (see errorKind). */
export function isUnavailable(error: unknown): boolean {
  return errorKind(error) === 'unavailable';
}

function ownKind(error: ErrorLike): ErrorKind {
  const { code, name } = error;
  const message = typeof error.message === 'string' ? error.message : '';
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code) && !NETWORK_CODES.includes(code)) {
      if (TRANSIENT_SQLSTATES.includes(code) || TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return 'unavailable';
      if (DATA_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return 'data';
    }
    if (NETWORK_CODES.includes(code)) return 'unavailable';
  }
  if (typeof code === 'number' && isGrpcError(error) && [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED, GRPC_CANCELLED].includes(code)) {
    return 'unavailable';
  }
  if (name === 'MaxRetriesPerRequestError' || name === 'TimeoutError' || name === 'DeadlineExceededError') return 'unavailable';
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return 'unavailable';
  return 'unknown';
}

/** gRPC errors carry a numeric `code` and `details` (and Temporal's ServiceError wraps one as its cause). */
function isGrpcError(error: ErrorLike): boolean {
  return 'details' in error || 'metadata' in error;
}
