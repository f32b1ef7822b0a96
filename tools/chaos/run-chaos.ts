/**
 * `npm run chaos [-- --actions 300 --concurrency 24 --tasks 10 --units 10 --faults redis,postgres,worker,api]`:
 * see chaos.ts. Exits 1 when a fault lost or duplicated an acknowledged action,
 * left a sequence gap or a missing scheduler, or took more than 30 s to recover.
 */
import { FAULTS, formatReport, runChaos, type Fault } from './chaos';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTemporal } = require('../bootstrap/lib/ensure-temporal.cjs') as { ensureTemporal(options?: { quiet?: boolean }): Promise<string> };

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

async function main(): Promise<void> {
  const started = Date.now();
  const reports = await runChaos({
    actions: Number(option('actions', '300')),
    concurrency: Number(option('concurrency', '24')),
    tasks: Number(option('tasks', '10')),
    units: Number(option('units', '10')),
    outageMs: Number(option('outage-ms', '10000')),
    faults: option('faults', FAULTS.join(',')).split(',') as Fault[],
    temporalBinary: await ensureTemporal({ quiet: true }),
    log: (line) => console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`),
  });
  console.log('\nper fault:');
  for (const report of reports) console.log(formatReport(report));
  const bad = reports.filter((report) => report.lost > 0 || report.duplicates > 0 || report.sequenceGaps > 0 || !report.schedulersPresent || report.recoveryMs > 30_000 || report.notifiedTwice > 0 || report.notified < report.notificationsExpected);
  if (bad.length > 0) {
    console.log(`\nFAILED: ${bad.map((report) => report.fault).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nevery acknowledged action recorded once and notified once; recovered within 30 s each time');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
