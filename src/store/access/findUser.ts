// Reading accounts: by username (sign-in, the CLI) and by id within an organisation (administration).
// A username is unique within an organisation (migration 0015), so one name can name accounts of
// several organisations.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Role } from '../../access/roles.ts';
import type { User, UserKind } from '../../access/users.ts';
import { errors } from '../../errors.ts';
import { parseUserRow, USER_COLUMNS, type UserViewRow } from './userRow.ts';

/** The row sign-in checks a password against. */
export type UserRow = {
  id: string;
  org_id: string;
  username: string;
  kind: UserKind;
  password_hash: string | null;
  role: Role;
  governorates: string[];
  disabled: boolean;
};

const ROW = 'u.id, u.org_id, u.username, u.kind, u.password_hash, u.role, u.governorates, u.disabled';

/** Every account with this username (one per organisation at most), optionally of the organisation named. */
export async function findUsersByName(db: pg.Pool | pg.PoolClient, username: string, organisation?: string): Promise<UserRow[]> {
  const r = await db.query<UserRow>(
    `SELECT ${ROW} FROM app_user u JOIN organisation o ON o.id = u.org_id
      WHERE u.username = $1 AND ($2::text IS NULL OR lower(o.name) = lower($2)) ORDER BY u.created_at LIMIT 20`,
    [username, organisation ?? null],
  );
  return r.rows;
}

/**
 * The account with this username (the CLI, the seed): of the organisation named, or the only one
 * with that name. Accounts of several organisations with the name and none named: an error saying
 * to name the organisation.
 */
export async function findUserByName(db: pg.Pool | pg.PoolClient, username: string, organisation?: string): Promise<UserRow | undefined> {
  const rows = await findUsersByName(db, username, organisation);
  if (rows.length > 1) throw new Error(`Users named '${username}' exist in several organisations: name the organisation (--org).`);
  return rows[0];
}

/** A user of the organisation, or undefined (another organisation's users are not there). */
export async function findUser(db: pg.Pool | pg.PoolClient, orgId: string, id: string): Promise<User | undefined> {
  const r = await db.query<UserViewRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1 AND u.org_id = $2`, [id, orgId]);
  return r.rows[0] && parseUserRow(r.rows[0]);
}

/** A user of the organisation; 404 not_found otherwise. */
export async function getUser(db: pg.Pool | pg.PoolClient, orgId: string, id: string): Promise<User> {
  const u = await findUser(db, orgId, id);
  if (!u) throw errors.notFound('user');
  return u;
}

/** A user of the organisation, locked for a change (FOR UPDATE); 404 not_found otherwise. */
export async function getUserForUpdate(db: pg.PoolClient, orgId: string, id: string): Promise<User> {
  const r = await db.query<UserViewRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1 AND u.org_id = $2 FOR UPDATE`, [id, orgId]);
  if (!r.rows[0]) throw errors.notFound('user');
  return parseUserRow(r.rows[0]);
}

export function actorOf(u: UserRow, deviceId?: string): Actor {
  return { userId: u.id, orgId: u.org_id, role: u.role, governorates: u.governorates, deviceId };
}
