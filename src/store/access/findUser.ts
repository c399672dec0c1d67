// Reading accounts: by username (sign-in, the CLI) and by id within an organisation (administration).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Role } from '../../access/roles.ts';
import type { User } from '../../access/users.ts';
import { errors } from '../../errors.ts';
import { parseUserRow, USER_COLUMNS, type UserViewRow } from './userRow.ts';

/** The row sign-in checks a password against. */
export type UserRow = {
  id: string;
  org_id: string;
  username: string;
  password_hash: string | null;
  role: Role;
  governorates: string[];
  disabled: boolean;
};

export async function findUserByName(db: pg.Pool | pg.PoolClient, username: string): Promise<UserRow | undefined> {
  const r = await db.query<UserRow>(
    'SELECT id, org_id, username, password_hash, role, governorates, disabled FROM app_user WHERE username = $1',
    [username],
  );
  return r.rows[0];
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

export function actorOf(u: UserRow, deviceId?: string): Actor {
  return { userId: u.id, orgId: u.org_id, role: u.role, governorates: u.governorates, deviceId };
}
