import type { Actor } from '../../../access/actor.ts';
import { getPerson } from '../../../store/registry/findPerson.ts';
import type pg from 'pg';

/** Every person must exist in the actor's scope (otherwise 404, as if absent). */
export async function checkPersons(client: pg.PoolClient, actor: Actor, ids: string[]): Promise<void> {
  for (const id of ids) await getPerson(client, actor, id, { forUpdate: true });
}
