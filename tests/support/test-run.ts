import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What globalSetup made for this run (a Temporal server, a database, a queue
 * prefix, the workflow bundle), shared with test files through a small JSON file
 * because Jest runs globalSetup in a different module registry.
 */
export interface TestRun {
  readonly id: string;
  readonly temporalAddress: string;
  readonly temporalPid: number | null;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly workflowBundlePath: string;
}

const ROOT = join(__dirname, '../..');
/** Set by globalSetup for the test files of its run (one file per run: two runs at once do not mix). */
const RUN_FILE_VARIABLE = 'DUBAN_TEST_RUN_FILE';

export function writeTestRun(run: TestRun): void {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const file = join(ROOT, 'tmp', `test-run-${run.id}.json`);
  writeFileSync(file, JSON.stringify(run, null, 2));
  process.env[RUN_FILE_VARIABLE] = file;
}

export function readTestRun(): TestRun {
  const file = process.env[RUN_FILE_VARIABLE];
  if (!file || !existsSync(file)) throw new Error('no test run: integration tests must run under the Jest globalSetup (npm test)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestRun;
}

export const REPO_ROOT = ROOT;
