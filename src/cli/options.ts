// Options shared by every command that touches the store.
import type { Command } from 'commander';
import { openStore, type Store } from '../store/open.ts';

export function withStoreOptions(cmd: Command): Command {
  return cmd.option('--data-dir <dir>', 'data directory of the embedded PostgreSQL (ignored when DATABASE_URL is set)', 'data');
}

export async function storeFromOptions(opts: { dataDir?: string }): Promise<Store> {
  return openStore({ dataDir: opts.dataDir });
}
