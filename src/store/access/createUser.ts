import type pg from 'pg';
import type { Role } from '../../access/roles.ts';
import { hashPassword, newToken, tokenHash } from '../../access/secrets.ts';

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

export async function createApiToken(db: pg.Pool | pg.PoolClient, userId: string, name: string, days?: number): Promise<string> {
  const token = newToken('api');
  await db.query(
    `INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END)`,
    [userId, name, tokenHash(token), days ?? null],
  );
  return token;
}
