// Every command of `sanad`, one file each. Add yours with one entry: the top-level names it registers
// and how to load it. A run loads only the files of the command it was given (the others import the
// whole server, the engine, the spreadsheet reader ...: `sanad user add` need not wait for them);
// help, a bare `sanad` and an unknown name load them all. test/cli/commandIndex.test.ts checks the
// names against what each file registers.
import type { Command } from 'commander';

export type Register = (program: Command) => void;
export type CommandFile = { names: readonly string[]; load: () => Promise<{ register: Register }> };

export const commandFiles: readonly CommandFile[] = [
  { names: ['serve'], load: () => import('./serve.ts') },
  { names: ['user'], load: () => import('./user.ts') },
  { names: ['audit'], load: () => import('./audit.ts') },
  { names: ['import'], load: () => import('./import.ts') },
  { names: ['export'], load: () => import('./export.ts') },
  { names: ['seed'], load: () => import('./seed.ts') },
  { names: ['link'], load: () => import('./link.ts') },
  { names: ['aid'], load: () => import('./aid.ts') },
  { names: ['duplicates'], load: () => import('./duplicates.ts') },
  { names: ['backup', 'restore'], load: () => import('./backup.ts') },
  { names: ['cards'], load: () => import('./cards.ts') },
  { names: ['migrate'], load: () => import('./migrate.ts') },
  { names: ['cases', 'tickets'], load: () => import('./caseload.ts') },
  // both add subcommands to `reconstruction`: whichever loads first makes it
  { names: ['reconstruction'], load: () => import('./reconstructionProjects.ts') },
  { names: ['life-events'], load: () => import('./lifeEvents.ts') },
  { names: ['reconstruction'], load: () => import('./reconstruction.ts') },
];

/** The files a run needs: those registering `name`, else (help, no command, an unknown one) all of them. */
export function filesFor(name: string | undefined): readonly CommandFile[] {
  const some = commandFiles.filter((f) => name !== undefined && f.names.includes(name));
  return some.length > 0 ? some : commandFiles;
}

/** Registers the commands a run of `sanad <name> ...` needs on `program`. */
export async function registerCommands(program: Command, name: string | undefined): Promise<void> {
  for (const f of filesFor(name)) (await f.load()).register(program);
}
