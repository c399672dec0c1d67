// Inserting an organisation and an account (the seed and tests use them directly; the API's and the
// CLI's operation is addUser.ts, which logs the change). A username another request took first in
// the same organisation fails at the unique index (answered 409 username_taken), never a
// check-then-insert race.
import type pg from 'pg';
import type { Role } from '../../access/roles.ts';
import { hashPassword } from '../../access/secrets.ts';
import type { UserKind } from '../../access/users.ts';

export async function createOrganisation(db: pg.Pool | pg.PoolClient, name: string): Promise<string> {
  const r = await db.query<{ id: string }>(
    'INSERT INTO organisation (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id',
    [name],
  );
  return r.rows[0]!.id;
}

export async function createUser(
  db: pg.Pool | pg.PoolClient,
  u: {
    orgId: string;
    username: string;
    password?: string | undefined;
    role: Role;
    governorates: readonly string[];
    kind?: UserKind | undefined;
    /** the password was chosen by an administrator: changed at the next sign-in */
    temporary?: boolean | undefined;
  },
): Promise<string> {
  const hash = u.password ? await hashPassword(u.password) : null;
  const r = await db.query<{ id: string }>(
    `INSERT INTO app_user (org_id, username, password_hash, role, governorates, kind, password_temporary)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [u.orgId, u.username, hash, u.role, u.governorates, u.kind ?? 'person', Boolean(u.temporary && hash)],
  );
  return r.rows[0]!.id;
}
