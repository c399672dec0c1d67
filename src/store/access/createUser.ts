// Inserting an organisation and an account (the CLI, the seed and tests use them directly; the API's
// operation is addUser.ts, which logs the change). A username another request took first fails at
// the unique index (answered 409 username_taken), never a check-then-insert race.
import type pg from 'pg';
import type { Role } from '../../access/roles.ts';
import { hashPassword } from '../../access/secrets.ts';

export async function createOrganisation(db: pg.Pool | pg.PoolClient, name: string): Promise<string> {
  const r = await db.query<{ id: string }>(
    'INSERT INTO organisation (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id',
    [name],
  );
  return r.rows[0]!.id;
}

export async function createUser(
  db: pg.Pool | pg.PoolClient,
  u: { orgId: string; username: string; password?: string | undefined; role: Role; governorates: readonly string[] },
): Promise<string> {
  const hash = u.password ? await hashPassword(u.password) : null;
  const r = await db.query<{ id: string }>(
    'INSERT INTO app_user (org_id, username, password_hash, role, governorates) VALUES ($1,$2,$3,$4,$5) RETURNING id',
    [u.orgId, u.username, hash, u.role, u.governorates],
  );
  return r.rows[0]!.id;
}
