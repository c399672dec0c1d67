// The organisation's accounts, by username.
import type pg from 'pg';
import type { User } from '../../access/users.ts';
import { parseUserRow, USER_COLUMNS, type UserViewRow } from './userRow.ts';

export async function listUsers(db: pg.Pool | pg.PoolClient, orgId: string): Promise<User[]> {
  const r = await db.query<UserViewRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.org_id = $1 ORDER BY u.username`, [orgId]);
  return r.rows.map(parseUserRow);
}
