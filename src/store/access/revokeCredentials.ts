// Ending a user's credentials at once: their sessions (and open sign-in steps), and their API tokens.
import type pg from 'pg';

/** Ends the user's live sessions and open sign-in challenges; the number of sessions ended. */
export async function endSessions(c: pg.PoolClient, userId: string): Promise<number> {
  await c.query('DELETE FROM login_challenge WHERE user_id = $1', [userId]);
  const s = await c.query('UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()', [
    userId,
  ]);
  return s.rowCount ?? 0;
}

/** Revokes the user's live API tokens; the number revoked. */
export async function revokeTokens(c: pg.PoolClient, userId: string): Promise<number> {
  const t = await c.query('UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()', [
    userId,
  ]);
  return t.rowCount ?? 0;
}
