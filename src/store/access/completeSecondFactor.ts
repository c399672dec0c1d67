// Sign-in's second step: a challenge and a code of the authenticator (or one recovery code) for a session.
import type pg from 'pg';
import type { SecretKey } from '../../access/secretBox.ts';
import { appendLog } from '../write.ts';
import { attempt, checkTotp, recoveryHash, type SessionGrant } from './secondFactor.ts';
import { createSession } from './sessions.ts';

/** Exchanges a challenge and a code (or a recovery code) for a session. */
export async function completeSecondFactor(
  pool: pg.Pool,
  key: SecretKey | undefined,
  challenge: string,
  proof: { code: string } | { recoveryCode: string },
  opts: { nowMs?: number; deviceId?: string | undefined } = {},
): Promise<SessionGrant & { recoveryCodesLeft: number }> {
  let usedRecoveryCode = false;
  return attempt(
    pool,
    challenge,
    'second_factor',
    opts.deviceId,
    async (c, ch) => {
      if ('recoveryCode' in proof) {
        const u = await c.query('UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [
          ch.user_id,
          recoveryHash(proof.recoveryCode),
        ]);
        usedRecoveryCode = u.rowCount === 1;
        return usedRecoveryCode;
      }
      return checkTotp(c, key, ch.user_id, proof.code, opts.nowMs ?? Date.now());
    },
    async (c, ch, actor) => {
      const left = (
        await c.query<{ n: number }>('SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1 AND used_at IS NULL', [ch.user_id])
      ).rows[0]!.n;
      if (usedRecoveryCode)
        await appendLog(c, actor, {
          entity: 'user',
          entityId: ch.user_id,
          action: 'second_factor_recovery_code_use',
          after: { recoveryCodesLeft: left },
        });
      const s = await createSession(c, ch.user_id);
      return { token: s.token, expiresAt: s.expiresAt, role: ch.role, recoveryCodesLeft: left };
    },
  );
}
