import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { appendReadLog } from '../write.ts';

/** How the records were shown: a page of the list, the matches of a duplicate check, a search's results, a site's residents. */
export type ShownVia = 'list' | 'duplicate_check' | 'search' | 'site_residents';

/**
 * A read of several records at once, logged as one entry naming the ids shown and how many: who
 * saw whom stays answerable. Never what was typed (a search's query holds a name or an ID number):
 * `by` says only which keys were searched. A search is logged even when it shows no one (that no
 * one matched is itself an answer); the other reads only when they show someone. A site's residents
 * are logged against the site (entity `site_residents`), the rest as `person_list`. On a pool the
 * entry's commit does not wait for the disk (appendReadChange, docs/decisions/0030-read-log-deferred-flush.md);
 * in a caller's transaction it is that transaction's, durable as it is.
 */
export async function logPersonsShown(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  via: ShownVia,
  ids: readonly string[],
  more: { site?: string; by?: readonly ('name' | 'national_id' | 'phone')[] } = {},
): Promise<void> {
  if (ids.length === 0 && via !== 'search') return;
  const after = { via, shown: ids.length, ids, ...(more.by ? { by: more.by } : {}) };
  if (more.site) await appendReadLog(db, actor, { entity: 'site_residents', entityId: more.site, action: 'read', after });
  else await appendReadLog(db, actor, { entity: 'person_list', entityId: null, action: 'read', after });
}
