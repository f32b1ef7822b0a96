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
const RUN_FILE = join(ROOT, 'tmp', 'test-run.json');

export function writeTestRun(run: TestRun): void {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  writeFileSync(RUN_FILE, JSON.stringify(run, null, 2));
}

export function readTestRun(): TestRun {
  if (!existsSync(RUN_FILE)) throw new Error(`no ${RUN_FILE}: integration tests must run under the Jest globalSetup (npm test)`);
  return JSON.parse(readFileSync(RUN_FILE, 'utf8')) as TestRun;
}

export const REPO_ROOT = ROOT;
