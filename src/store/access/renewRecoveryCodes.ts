// New recovery codes for a signed-in person, with a current code of their authenticator.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { SecretKey } from '../../access/secretBox.ts';
import { errors } from '../../errors.ts';
import { transaction } from '../transaction.ts';
import { appendLog } from '../write.ts';
import { checkTotp, countWrongCode, FAILURE_COLUMNS, LOCK_MINUTES, type Outcome, replaceRecoveryCodes } from './secondFactor.ts';

/**
 * Replaces the signed-in user's recovery codes (used or not) with RECOVERY_CODE_COUNT new ones,
 * returned this once. Needs a current code of their authenticator (a session alone is not enough):
 * accepted once, as at sign-in; a wrong one counts towards the same pause as at sign-in (and is
 * refused with 403, not 401: the session itself is good). The change log gets counts only.
 */
export async function renewRecoveryCodes(
  pool: pg.Pool,
  key: SecretKey | undefined,
  actor: Actor,
  code: string,
  opts: { nowMs?: number } = {},
): Promise<{ recoveryCodes: string[] }> {
  const userId = actor.userId;
  if (!userId) throw errors.forbidden();
  const outcome = await transaction<Outcome<{ recoveryCodes: string[] }>>(pool, async (c) => {
    const u = await c.query<{ failures: number; locked: boolean }>(
      `SELECT ${FAILURE_COLUMNS} FROM app_user u WHERE u.id = $1 AND NOT u.disabled FOR UPDATE`,
      [userId, LOCK_MINUTES],
    );
    const row = u.rows[0];
    if (!row) return { error: errors.unauthenticated() };
    if (row.locked) return { error: errors.secondFactorLocked(LOCK_MINUTES) };
    const enrolled = await c.query('SELECT 1 FROM user_totp WHERE user_id = $1', [userId]);
    if (!enrolled.rowCount) return { error: errors.noSecondFactor() };
    if (!(await checkTotp(c, key, userId, code, opts.nowMs ?? Date.now())))
      return { error: await countWrongCode(c, actor, userId, row.failures, 403) };
    await c.query('UPDATE app_user SET second_factor_failures = 0, second_factor_locked_until = NULL WHERE id = $1', [userId]);
    const { codes, unusedReplaced } = await replaceRecoveryCodes(c, userId);
    await appendLog(c, actor, {
      entity: 'user',
      entityId: userId,
      action: 'second_factor_recovery_codes_renewed',
      after: { recoveryCodes: codes.length, unusedReplaced },
    });
    return { ok: { recoveryCodes: codes } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}
