// Bearer token (session or API token) to the acting user. Unknown, expired, revoked or disabled: undefined.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { tokenHash } from '../../access/secrets.ts';
import type { Role } from '../../access/roles.ts';

export async function authenticate(pool: pg.Pool, token: string, deviceId?: string): Promise<Actor | undefined> {
  const table = token.startsWith('ses_') ? 'session' : token.startsWith('sat_') ? 'api_token' : undefined;
  if (!table) return undefined;
  const r = await pool.query<{ id: string; org_id: string; role: Role; governorates: string[] }>(
    `SELECT u.id, u.org_id, u.role, u.governorates FROM ${table} t JOIN app_user u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled`,
    [tokenHash(token)],
  );
  const u = r.rows[0];
  return u ? { userId: u.id, orgId: u.org_id, role: u.role, governorates: u.governorates, deviceId, credential: table } : undefined;
}
