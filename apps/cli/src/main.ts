import 'reflect-metadata';
import { Command } from 'commander';
import { registerDbCommand } from './commands/db.command';

/**
 * `duban`: the command line over the same service layer as the API. Commands
 * import their dependencies lazily so `duban parse` starts fast.
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command('duban').description('Duban 督办: action plans to tracked responsibilities').showHelpAfterError();
  program.configureOutput({ outputError: (text, write) => write(text) });
  try {
    const { registerParseCommand } = await import('./commands/parse.command');
    registerParseCommand(program);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  registerDbCommand(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`duban: ${message}\n`);
  process.exitCode = process.exitCode || 1;
});
