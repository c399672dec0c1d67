// The actor of a CLI command: an existing user named with --user. Changes are logged under that user.
import type { Command } from 'commander';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { actorOf, findUserByName } from '../store/access/findUser.ts';
import type { Store } from '../store/open.ts';
import { storeFromOptions } from './options.ts';

export function withUserOption(cmd: Command): Command {
  return cmd.requiredOption('--user <username>', 'the Sanad user this work is done as (recorded in the change log)');
}

export async function actorFromOptions(pool: pg.Pool, opts: { user: string }): Promise<Actor> {
  const u = await findUserByName(pool, opts.user);
  if (!u || u.disabled) throw new Error(`No active user named '${opts.user}'. Create one with: sanad user add`);
  return actorOf(u, 'cli');
}

/** Opens the store, runs `action` as the user named with --user, and closes the store again. */
export async function asUser<T>(opts: { dataDir?: string; user: string }, action: (store: Store, actor: Actor) => Promise<T>): Promise<T> {
  const store = await storeFromOptions(opts);
  try {
    return await action(store, await actorFromOptions(store.pool, opts));
  } finally {
    await store.close();
  }
}
