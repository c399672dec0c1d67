// The active links between persons both in the actor's scope (one identity = a connected component
// of these links), with each person's record_id: what `sanad export links` writes.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { scopeSql } from '../registry/scope.ts';

export type ScopedLink = { a: string; b: string; recordA: string | null; recordB: string | null };

export async function linksInScope(db: pg.Pool | pg.PoolClient, actor: Actor): Promise<ScopedLink[]> {
  const x = scopeSql('x', actor, 1),
    y = scopeSql('y', actor, 1);
  const r = await db.query<{ a: string; b: string; record_a: string | null; record_b: string | null }>(
    `SELECT l.person_a AS a, l.person_b AS b, x.record_id AS record_a, y.record_id AS record_b
     FROM person_link l JOIN person x ON x.id = l.person_a JOIN person y ON y.id = l.person_b
     WHERE l.org_id = $1 AND l.undone_at IS NULL AND ${x.sql} AND ${y.sql}`,
    x.params,
  );
  return r.rows.map((row) => ({ a: row.a, b: row.b, recordA: row.record_a, recordB: row.record_b }));
}
