import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflows } from '@duban/temporal/worker';

const HISTORIES = join(__dirname, '../fixtures/histories');
const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json')).sort();

/**
 * Stored histories of real runs replayed against the current workflow code: a
 * change that would break running workflows (non-determinism) fails here. To
 * change workflow code compatibly, guard the new path with patched() (see the
 * README's patching rule), then re-record with tools/record-workflow-histories.ts.
 */
describe('workflow replay', () => {
  let code: string;

  beforeAll(async () => {
    code = (await bundleWorkflows()).code;
  }, 120_000);

  it('has recorded histories of the import, rollout and assignment workflows', () => {
    // assignment-lifecycle was recorded before the one-writer-mutex patch, assignment-concurrent-updates after it;
    // assignment-issued-overdue-before-patch (every ladder level at once) before the ladder-entry patch, and
    // assignment-issued-overdue after it (it enters at 催办).
    expect(files).toEqual([
      'assignment-concurrent-updates.json',
      'assignment-issued-overdue-before-patch.json',
      'assignment-issued-overdue.json',
      'assignment-lifecycle.json',
      'plan-import.json',
      'plan-rollout.json',
    ]);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    // The JSON form as the Temporal CLI prints it; the SDK converts it with its own protobuf types.
    const history: unknown = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await expect(Worker.runReplayHistory({ workflowBundle: { code } }, history, file.replace(/\.json$/, ''))).resolves.toBeUndefined();
  }, 120_000);
});
