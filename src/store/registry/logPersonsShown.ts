import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { appendLog } from '../write.ts';

/**
 * A read of several people's records at once (a page of the list, the matches of a duplicate
 * check), logged as one entry naming the ids shown: who saw whom stays answerable.
 */
export async function logPersonsShown(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  via: 'list' | 'duplicate_check',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await appendLog(db, actor, { entity: 'person_list', entityId: null, action: 'read', after: { via, ids } });
}
