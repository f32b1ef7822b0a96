import { pendingSchemaChanges } from '@duban/persistence';
import { readTestRun } from '../support/test-run';

describe('database schema', () => {
  it('is exactly what the entities describe after running every migration from an empty database', async () => {
    // globalSetup migrated this run's fresh database from zero.
    expect(await pendingSchemaChanges(readTestRun().databaseUrl)).toEqual([]);
  });
});
