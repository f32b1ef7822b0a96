/**
 * Types of the ApplicationFailures activities fail with (the worker classifies
 * every activity error; see activities/src/failure-classification.ts). Workflows
 * read them to tell a refused content from an outage.
 */
export const ACTIVITY_FAILURES = {
  /** The store refused the content (invalid text, a constraint): retrying cannot help. */
  data: 'DataError',
  /** The event log already holds this sequence number with other content: record and workflow disagree. */
  sequenceConflict: 'SequenceConflict',
  /** A dependency did not answer: retried with backoff until the activity's bound. */
  unavailable: 'Unavailable',
  /** Unclassified (a bug): retried a few times, then given up. */
  unexpected: 'UnexpectedError',
} as const;
