// The actor of a CLI command: an existing, enabled user named with --user, whose role the command
// matrix (src/access/matrix.ts commandMatrix) allows for the command. Changes are logged under that user.
import type { Command } from 'commander';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { type CommandName, commandAllows } from '../access/matrix.ts';
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

/** The user named with --user, if their role may run `command` (deny by default, like the API's matrix). */
export async function commandActor(pool: pg.Pool, command: CommandName, opts: { user: string }): Promise<Actor> {
  const actor = await actorFromOptions(pool, opts);
  if (!commandAllows(command, actor.role)) throw new Error(`Your role (${actor.role}) may not run \`sanad ${command}\`.`);
  return actor;
}

/** Opens the store, runs `command`'s action as the user named with --user (if allowed), and closes the store again. */
export async function asUser<T>(
  command: CommandName,
  opts: { dataDir?: string; user: string },
  action: (store: Store, actor: Actor) => Promise<T>,
): Promise<T> {
  const store = await storeFromOptions(opts);
  try {
    return await action(store, await commandActor(store.pool, command, opts));
  } finally {
    await store.close();
  }
}
