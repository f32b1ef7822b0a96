import type { Command } from 'commander';
import { withServices } from '../services-context';

/**
 * `duban doctor`: do the record and the orchestration agree (sequence gaps, read
 * models that disagree with their event log, open assignments without a running
 * workflow or with another state in it)? Exit code 1 when not.
 * `duban repair`: re-creates, from the record, the workflows of open assignments
 * that Temporal lost or that ended abnormally (idempotent; also runs in the worker).
 */
export function registerRepairCommands(program: Command): void {
  program
    .command('doctor')
    .description('check that the event log, the read model and the workflows agree (exit code 1 when they do not)')
    .option('--quick', 'compare counts only (no per-workflow queries)')
    .option('--format <format>', 'json or text', 'text')
    .action(async (options: { quick?: boolean; format: string }) => {
      await withServices(async (app) => {
        const { ConsistencyService } = await import('@duban/services');
        const report = await app.get(ConsistencyService).check({ deep: !options.quick });
        if (options.format === 'json') console.log(JSON.stringify(report, null, 2));
        else {
          console.log(`${report.assignments} assignments, ${report.openAssignments} open (checked ${report.checkedAt})`);
          console.log(`event log: ${report.sequenceProblems.count === 0 ? 'no sequence gaps, read models agree' : `${report.sequenceProblems.count} assignments with a gap or a read model that disagrees`}`);
          for (const problem of report.sequenceProblems.examples) {
            console.log(`  ${problem.assignmentId}  events ${problem.events}, highest seq ${problem.maxSeq}, read model version ${problem.version}`);
          }
          const scope = report.workflowProblems.deep ? 'every open workflow queried' : 'counts only';
          console.log(`workflows (${scope}): ${report.workflowProblems.count === 0 ? 'all open assignments run with the recorded state' : `${report.workflowProblems.count} disagree with the record`}`);
          for (const problem of report.workflowProblems.examples) {
            console.log(`  ${problem.assignmentId}  ${problem.problem}: record ${problem.record.status}@${problem.record.version}${problem.workflow ? `, workflow ${problem.workflow.status}${problem.workflow.eventSeq !== undefined ? `@${problem.workflow.eventSeq}` : ''}` : ''}`);
          }
          if (!report.ok) console.log('missing or ended workflows: run `duban repair`; sequence gaps: see the assignment\'s events and the logs (SequenceConflict)');
        }
        if (!report.ok) process.exitCode = 1;
      });
    });

  program
    .command('repair')
    .description('re-create, from the record, the workflows of open assignments that Temporal lost (idempotent)')
    .option('--assignment <id...>', 'only these assignments')
    .action(async (options: { assignment?: string[] }) => {
      const { Module } = await import('@nestjs/common');
      const { NestFactory } = await import('@nestjs/core');
      const { ActivitiesModule, AssignmentRepairActivities } = await import('@duban/activities');
      const { DubanConfigModule } = await import('@duban/config');
      const { PersistenceModule } = await import('@duban/persistence');
      // The database, the Temporal client and the repair itself (the worker's code, run in-process).
      class RepairContext {}
      Module({ imports: [DubanConfigModule, PersistenceModule, ActivitiesModule] })(RepairContext);
      const app = await NestFactory.createApplicationContext(RepairContext, { logger: ['error', 'warn'] });
      try {
        const report = await app.get(AssignmentRepairActivities).repairAssignmentWorkflows(options.assignment ? { assignmentIds: options.assignment } : {});
        console.log(
          `${report.checked} open assignments checked: ${report.recreated.length} workflows re-created, ${report.restarted.length} restarted, ${report.rollouts.length} rollouts resumed, ${report.inconsistent.length} inconsistent`,
        );
        for (const id of report.recreated) console.log(`  re-created ${id}`);
        for (const id of report.restarted) console.log(`  restarted  ${id}`);
        for (const id of report.inconsistent) console.log(`  completed in Temporal but open in the record: ${id}`);
        if (report.inconsistent.length > 0) process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
}
