// The `sanad` command line. Each command lives in its own file under ./commands and exports
// `register(program)`; this file only wires them together.
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('sanad')
  .description('Sanad: registry, identity resolution, shelters and aid')
  .showHelpAfterError()
  .configureOutput({ outputError: (s, write) => write(s) });

// only the files of the command given (all for help or an unknown name): a quick start for every command
await registerCommands(program, process.argv[2]);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as Error & { id?: string };
  // Never print stack traces with data in them; messages are written to carry no personal data.
  process.stderr.write(`sanad: ${err.message}\n`);
  if (process.env.SANAD_DEBUG) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
}
