import type pg from 'pg';
import { newToken, tokenHash } from '../../access/secrets.ts';

export const SESSION_HOURS = 12;

export async function createSession(pool: pg.Pool | pg.PoolClient, userId: string): Promise<{ token: string; expiresAt: string }> {
  const token = newToken('session');
  const r = await pool.query<{ expires_at: Date }>(
    `INSERT INTO session (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
    [userId, tokenHash(token), SESSION_HOURS],
  );
  return { token, expiresAt: r.rows[0]!.expires_at.toISOString() };
}

export async function revokeSession(pool: pg.Pool, token: string): Promise<void> {
  await pool.query('UPDATE session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash(token)]);
}
