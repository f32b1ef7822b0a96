/**
 * What a newcomer sees after `npm start`, measured: a throwaway stack seeds and publishes the seed
 * plans and plays the demo history (SeedService, as the API's start does), then prints the spread
 * of statuses, lights and ladder levels, how many ladder levels were stamped at one instant, and
 * how many messages the demo users' inboxes hold. Prints figures; drops nothing it did not create.
 *
 *   node tools/bootstrap/run.mjs tools/demo-story.ts
 */
import { SeedService } from '@duban/services';
import { startLocalStack } from './local-stack';

async function main(): Promise<void> {
  const stack = await startLocalStack('demo');
  try {
    const started = performance.now();
    const result = await stack.services.get(SeedService).seedLocalDemo({ publish: true, history: true });
    console.log(`seed: ${result.published} plans published, ${result.actions} demo actions in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // Let the timers of the first evaluation and the last actions settle.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const count = async (sql: string) => (await stack.db.query(sql)) as Record<string, unknown>[];
    console.table(await count(`SELECT status, count(*)::int FROM assignments GROUP BY 1 ORDER BY 2 DESC`));
    console.table(await count(`SELECT light, count(*)::int FROM assignments GROUP BY 1 ORDER BY 2 DESC`));
    console.table(await count(`SELECT coalesce(escalation_level, '(none)') AS level, count(*)::int FROM assignments GROUP BY 1 ORDER BY 2 DESC`));
    console.table(await count(`SELECT level, source, count(*)::int FROM escalations GROUP BY 1, 2 ORDER BY 3 DESC`));
    console.table(
      await count(`SELECT count(*)::int AS assignments_with_two_or_more_ladder_levels_in_one_instant FROM (
        SELECT assignment_id FROM escalations WHERE source = 'ladder' GROUP BY assignment_id, occurred_at HAVING count(*) > 1) x`),
    );
    console.table(await count(`SELECT recipient, count(*)::int AS messages, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM inbox_messages GROUP BY 1 ORDER BY 2 DESC LIMIT 12`));
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
