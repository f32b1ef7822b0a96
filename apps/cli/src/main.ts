import 'reflect-metadata';
import { Command } from 'commander';
import { registerDbCommand } from './commands/db.command';
import { registerParseCommand } from './commands/parse.command';
import { registerPlanCommands } from './commands/plan.commands';
import { registerAssignmentsCommand } from './commands/assignments.command';
import { registerActCommand } from './commands/act.command';
import { registerRepairCommands } from './commands/repair.commands';
import { registerUnitCommands } from './commands/units.commands';
import { registerBulletinCommands } from './commands/bulletin.commands';
import { registerTalkCommands } from './commands/talk.commands';
import { registerAssessmentCommands } from './commands/assessment.commands';
import { registerExportCommands } from './commands/export.commands';
import { registerStatisticsCommands } from './commands/statistics.commands';

/**
 * `duban`: the command line over the same service layer as the API. Commands
 * that need the database or Temporal import them lazily, so `duban parse` starts fast.
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command('duban').description('Duban 督办: action plans to tracked responsibilities').showHelpAfterError();
  program.configureOutput({ outputError: (text, write) => write(text) });
  registerParseCommand(program);
  registerPlanCommands(program);
  registerAssignmentsCommand(program);
  registerActCommand(program);
  registerRepairCommands(program);
  registerUnitCommands(program);
  registerBulletinCommands(program);
  registerTalkCommands(program);
  registerAssessmentCommands(program);
  registerExportCommands(program);
  registerStatisticsCommands(program);
  registerDbCommand(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`duban: ${message}\n`);
  process.exitCode = process.exitCode || 1;
});
