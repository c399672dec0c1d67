// Bearer token (session or API token) to the acting user. An unknown, expired or revoked session, or
// a disabled account's: undefined (401 unauthenticated). An API token the server knows that has
// expired or was revoked (also when its account was disabled) throws 401 token_expired or
// token_revoked, so the machine's operator knows what to do.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { tokenHash } from '../../access/secrets.ts';
import type { Role } from '../../access/roles.ts';
import { errors } from '../../errors.ts';

type Row = {
  id: string;
  org_id: string;
  role: Role;
  governorates: string[];
  password_temporary: boolean;
  disabled: boolean;
  revoked: boolean;
  expired: boolean;
};

export async function authenticate(pool: pg.Pool, token: string, deviceId?: string): Promise<Actor | undefined> {
  const table = token.startsWith('ses_') ? 'session' : token.startsWith('sat_') ? 'api_token' : undefined;
  if (!table) return undefined;
  const r = await pool.query<Row>(
    `SELECT u.id, u.org_id, u.role, u.governorates, u.password_temporary, u.disabled,
            t.revoked_at IS NOT NULL AS revoked, t.expires_at <= now() AS expired
       FROM ${table} t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [tokenHash(token)],
  );
  const u = r.rows[0];
  if (!u) return undefined;
  if (u.revoked || u.expired || u.disabled) {
    if (table === 'session') return undefined;
    throw u.revoked || u.disabled ? errors.tokenRevoked() : errors.tokenExpired();
  }
  return {
    userId: u.id,
    orgId: u.org_id,
    role: u.role,
    governorates: u.governorates,
    deviceId,
    credential: table,
    ...(u.password_temporary ? { passwordTemporary: true } : {}),
  };
}
