// Worker-side helpers, kept apart from the client so the API never loads @temporalio/worker.
export * from './workflow-bundle';
