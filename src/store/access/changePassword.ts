// A signed-in person changes their own password: the current password, a current code of their
// authenticator, then the new password; their other sessions end (the one that asked stays). A
// password set by an administrator (temporary) is replaced without a code: the session that asks was
// opened with the second factor moments ago and can do nothing else until then (src/api/app.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { SecretKey } from '../../access/secretBox.ts';
import { hashPassword, tokenHash, verifyPassword } from '../../access/secrets.ts';
import { assertNewPassword } from '../../access/users.ts';
import { errors } from '../../errors.ts';
import { transaction } from '../transaction.ts';
import { appendLog } from '../write.ts';
import { checkTotp, countWrongCode, FAILURE_COLUMNS, LOCK_MINUTES, type Outcome } from './secondFactor.ts';

export type PasswordChange = { currentPassword: string; newPassword: string; code?: string | undefined };

/**
 * Checks the current password (a wrong one: 403 wrong_password), then the code (accepted once; a
 * wrong one counts towards the same pause as at sign-in: 403 bad_code), then stores the new
 * password's hash, ends the user's other sessions and open sign-in challenges, and logs the change
 * with the number of sessions ended: never a password, a hash or a code.
 */
export async function changePassword(
  pool: pg.Pool,
  key: SecretKey | undefined,
  actor: Actor,
  currentSession: string,
  change: PasswordChange,
  opts: { nowMs?: number } = {},
): Promise<{ sessionsEnded: number }> {
  const userId = actor.userId;
  if (!userId) throw errors.forbidden();
  assertNewPassword(change.currentPassword, change.newPassword);
  const newHash = await hashPassword(change.newPassword);
  const outcome = await transaction<Outcome<{ sessionsEnded: number }>>(pool, async (c) => {
    const u = await c.query<{ password_hash: string | null; password_temporary: boolean; failures: number; locked: boolean }>(
      `SELECT u.password_hash, u.password_temporary, ${FAILURE_COLUMNS} FROM app_user u WHERE u.id = $1 AND NOT u.disabled FOR UPDATE`,
      [userId, LOCK_MINUTES],
    );
    const row = u.rows[0];
    if (!row) return { error: errors.unauthenticated() };
    if (row.locked) return { error: errors.secondFactorLocked(LOCK_MINUTES) };
    if (!(await verifyPassword(row.password_hash, change.currentPassword))) return { error: errors.wrongPassword() };
    const enrolled = await c.query('SELECT 1 FROM user_totp WHERE user_id = $1', [userId]);
    if (!enrolled.rowCount) return { error: errors.noSecondFactor() };
    if (change.code === undefined && !row.password_temporary) return { error: errors.validation([{ field: 'code', reason: 'required' }]) };
    if (change.code !== undefined && !(await checkTotp(c, key, userId, change.code, opts.nowMs ?? Date.now())))
      return { error: await countWrongCode(c, actor, userId, row.failures, 403) };
    await c.query(
      'UPDATE app_user SET password_hash = $2, password_temporary = false, second_factor_failures = 0, second_factor_locked_until = NULL WHERE id = $1',
      [userId, newHash],
    );
    const ended = await c.query(
      'UPDATE session SET revoked_at = now() WHERE user_id = $1 AND token_hash <> $2 AND revoked_at IS NULL AND expires_at > now()',
      [userId, tokenHash(currentSession)],
    );
    await c.query('DELETE FROM login_challenge WHERE user_id = $1', [userId]);
    const sessionsEnded = ended.rowCount ?? 0;
    await appendLog(c, actor, {
      entity: 'user',
      entityId: userId,
      action: 'password_changed',
      after: row.password_temporary ? { sessionsEnded, temporaryReplaced: true } : { sessionsEnded },
    });
    return { ok: { sessionsEnded } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}
