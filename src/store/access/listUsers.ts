// The organisation's accounts the administrator may act on (all their governorates within the
// administrator's), by username, a page at a time, filtered by role, kind and status.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Role } from '../../access/roles.ts';
import type { User, UserKind } from '../../access/users.ts';
import { parseUserRow, USER_COLUMNS, type UserViewRow } from './userRow.ts';

export type UserFilter = {
  role?: Role | undefined;
  kind?: UserKind | undefined;
  status?: 'active' | 'disabled' | undefined;
  /** the id of the last account of the previous page (the page goes on after its username) */
  after?: string | undefined;
  limit: number;
};

export async function listUsers(
  db: pg.Pool | pg.PoolClient,
  actor: Pick<Actor, 'orgId' | 'governorates'>,
  f: UserFilter,
): Promise<{ items: User[]; next: string | null }> {
  const r = await db.query<UserViewRow>(
    `SELECT ${USER_COLUMNS} FROM app_user u
      WHERE u.org_id = $1 AND u.governorates <@ $2::text[]
        AND ($3::text IS NULL OR u.role = $3) AND ($4::text IS NULL OR u.kind = $4)
        AND ($5::boolean IS NULL OR u.disabled = $5)
        AND ($6::uuid IS NULL OR u.username > (SELECT a.username FROM app_user a WHERE a.id = $6 AND a.org_id = $1))
      ORDER BY u.username LIMIT $7`,
    [
      actor.orgId,
      [...actor.governorates],
      f.role ?? null,
      f.kind ?? null,
      f.status === undefined ? null : f.status === 'disabled',
      f.after ?? null,
      f.limit + 1,
    ],
  );
  const items = r.rows.slice(0, f.limit).map(parseUserRow);
  return { items, next: r.rows.length > f.limit ? items.at(-1)!.id : null };
}
