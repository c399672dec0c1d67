// Removing a user's second factor (lost or replaced phone): secret, recovery codes, open challenges
// and the pause after wrong codes go, and the user's sessions end. Their API tokens are revoked too
// (a person holds none since migration 0015; revoking is the safe side should one exist): whoever
// holds the lost phone may hold more. They enrol again at their next sign-in. Logged under the
// administrator who did it.
import type { WriteContext } from '../write.ts';
import { endSessions, revokeTokens } from './revokeCredentials.ts';

export type SecondFactorReset = { wasEnrolled: boolean; sessionsEnded: number; tokensRevoked: number };

export async function resetSecondFactor(ctx: Pick<WriteContext, 'client' | 'log'>, userId: string): Promise<SecondFactorReset> {
  const c = ctx.client;
  const t = await c.query('DELETE FROM user_totp WHERE user_id = $1', [userId]);
  await c.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
  await c.query('UPDATE app_user SET second_factor_failures = 0, second_factor_locked_until = NULL WHERE id = $1', [userId]);
  const sessionsEnded = await endSessions(c, userId);
  const tokensRevoked = await revokeTokens(c, userId);
  const out = { wasEnrolled: t.rowCount === 1, sessionsEnded, tokensRevoked };
  await ctx.log({ entity: 'user', entityId: userId, action: 'second_factor_reset', after: out });
  return out;
}
