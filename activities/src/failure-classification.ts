import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityInboundCallsInterceptor, ActivityInterceptorsFactory } from '@temporalio/worker';
import { errorKind } from '@duban/resilience';
import { ACTIVITY_FAILURES } from '@duban/workflows';

/** Attempts after which an unclassified error stops being retried. */
export const UNEXPECTED_ERROR_MAX_ATTEMPTS = 5;

/**
 * The error an activity should fail with: data and constraint errors become
 * non-retryable, unavailable dependencies retryable, and anything else is retried
 * until `UNEXPECTED_ERROR_MAX_ATTEMPTS`. ApplicationFailures pass unchanged (an
 * activity that classified its error itself, e.g. a sequence conflict).
 */
export function classifyActivityError(error: unknown, attempt: number): unknown {
  if (error instanceof ApplicationFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? error : undefined;
  switch (errorKind(error)) {
    case 'data':
      return ApplicationFailure.create({ type: ACTIVITY_FAILURES.data, message, nonRetryable: true, cause });
    case 'unavailable':
      return ApplicationFailure.create({ type: ACTIVITY_FAILURES.unavailable, message, nonRetryable: false, cause });
    default:
      return attempt >= UNEXPECTED_ERROR_MAX_ATTEMPTS ? ApplicationFailure.create({ type: ACTIVITY_FAILURES.unexpected, message, nonRetryable: true, cause }) : error;
  }
}

/** Worker interceptor: every activity's failure goes through classifyActivityError. */
export const classifyActivityFailures: ActivityInterceptorsFactory = (context) => {
  const inbound: ActivityInboundCallsInterceptor = {
    async execute(input, next) {
      try {
        return await next(input);
      } catch (error) {
        throw classifyActivityError(error, context.info.attempt);
      }
    },
  };
  return { inbound };
};
