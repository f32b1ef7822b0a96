import { formatReport, runChaos, type FaultReport } from '../support/chaos-run';

/**
 * A smaller `npm run chaos`: npm start (supervised worker and API) on private
 * PostgreSQL, Redis and Temporal; Redis restarted, PostgreSQL restarted, the worker
 * and the API SIGKILLed, each while actions are in flight.
 */
describe('chaos: faults while actions are in flight', () => {
  let reports: FaultReport[];

  beforeAll(async () => {
    reports = await runChaos({
      actions: 45,
      concurrency: 10,
      tasks: 2,
      units: 3,
      outageMs: 6000,
      faults: ['redis', 'postgres', 'worker', 'api'],
      temporalBinary: process.env.TEMPORAL_CLI_PATH!,
      log: (line) => process.stderr.write(`[chaos] ${line}\n`),
    });
  }, 900_000);

  it.each(['redis', 'postgres', 'worker', 'api'])('%s: every 2xx recorded and notified exactly once, 503 (never 500, never a hang), healthy again within 30 s', (fault) => {
    const report = reports.find((candidate) => candidate.fault === fault)!;
    const summary = formatReport(report);
    expect({ summary, lost: report.lost, duplicates: report.duplicates, gaps: report.sequenceGaps, gaveUp: report.gaveUp }).toEqual({ summary, lost: 0, duplicates: 0, gaps: 0, gaveUp: 0 });
    expect(report.acknowledged).toBe(report.sent);
    expect(report.notifiedTwice).toBe(0);
    expect(report.notified).toBe(report.notificationsExpected);
    expect(report.notificationsExpected).toBeGreaterThan(0);
    expect(Object.keys(report.non2xx).filter((status) => status.startsWith('5') && status !== '503')).toEqual([]);
    expect(report.longestWaitMs).toBeLessThan(15_000);
    expect(report.recoveryMs).toBeLessThan(30_000);
    expect(report.schedulersPresent).toBe(true);
  });
});
