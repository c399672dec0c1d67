import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Role } from '../../access/roles.ts';

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

export function actorOf(u: UserRow, deviceId?: string): Actor {
  return { userId: u.id, orgId: u.org_id, role: u.role, governorates: u.governorates, deviceId };
}
