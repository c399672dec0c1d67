// Removing a user's second factor (lost or replaced phone): secret, recovery codes, open challenges
// and the pause after wrong codes go, and the user's sessions end. They enrol again at their next
// sign-in. Logged under the administrator who did it.
import type { WriteContext } from '../write.ts';

export type SecondFactorReset = { wasEnrolled: boolean; sessionsEnded: number };

export async function resetSecondFactor(ctx: Pick<WriteContext, 'client' | 'log'>, userId: string): Promise<SecondFactorReset> {
  const c = ctx.client;
  const t = await c.query('DELETE FROM user_totp WHERE user_id = $1', [userId]);
  await c.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
  await c.query('DELETE FROM login_challenge WHERE user_id = $1', [userId]);
  await c.query('UPDATE app_user SET second_factor_failures = 0, second_factor_locked_until = NULL WHERE id = $1', [userId]);
  const s = await c.query('UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()', [
    userId,
  ]);
  const out = { wasEnrolled: t.rowCount === 1, sessionsEnded: s.rowCount ?? 0 };
  await ctx.log({ entity: 'user', entityId: userId, action: 'second_factor_reset', after: out });
  return out;
}
