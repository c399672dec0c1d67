// Options shared by every command that touches the store.
import type { Command } from 'commander';
import { openStore, type Store, type StoreOptions } from '../store/open.ts';

export function withStoreOptions(cmd: Command): Command {
  return cmd.option('--data-dir <dir>', 'data directory of the embedded PostgreSQL (ignored when DATABASE_URL is set)', 'data');
}

/**
 * The store of a command: DATABASE_URL, or the embedded server in --data-dir, which is the running
 * `sanad serve`'s when it runs there (the command connects to it), else one started for the command.
 */
export async function storeFromOptions(opts: { dataDir?: string }, more: Omit<StoreOptions, 'dataDir'> = {}): Promise<Store> {
  return openStore({ ...more, dataDir: opts.dataDir });
}
