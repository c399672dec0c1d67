// The first sign-in with a second factor: the enrolment challenge and the first code store the
// secret; a session and the recovery codes (shown once) come back.
import type pg from 'pg';
import type { SecretKey } from '../../access/secretBox.ts';
import { verifyTotp } from '../../access/totp.ts';
import { errors } from '../../errors.ts';
import { appendLog } from '../write.ts';
import { attempt, openSecret, replaceRecoveryCodes, type SessionGrant } from './secondFactor.ts';
import { createSession } from './sessions.ts';

/** Confirms an enrolment with the first code: stores the secret, returns a session and the recovery codes (shown once). */
export async function completeEnrolment(
  pool: pg.Pool,
  key: SecretKey | undefined,
  challenge: string,
  code: string,
  opts: { nowMs?: number; deviceId?: string | undefined } = {},
): Promise<SessionGrant & { recoveryCodes: string[] }> {
  let step = -1;
  let secretBox: Buffer | null = null;
  return attempt(
    pool,
    challenge,
    'enrolment',
    opts.deviceId,
    async (_c, ch) => {
      const secret = openSecret(key, ch.secret_box!, ch.key_id!, ch.user_id);
      const s = verifyTotp(secret, code, opts.nowMs ?? Date.now());
      if (s === undefined) return false;
      step = s;
      secretBox = ch.secret_box;
      return true;
    },
    async (c, ch, actor) => {
      const ins = await c.query(
        'INSERT INTO user_totp (user_id, secret_box, key_id, last_step) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING',
        [ch.user_id, secretBox, ch.key_id, step],
      );
      if (ins.rowCount !== 1) throw errors.challengeExpired(); // enrolled meanwhile (another tab): sign in again
      const { codes } = await replaceRecoveryCodes(c, ch.user_id);
      await appendLog(c, actor, {
        entity: 'user',
        entityId: ch.user_id,
        action: 'second_factor_enrol',
        after: { method: 'totp', recoveryCodes: codes.length },
      });
      const s = await createSession(c, ch.user_id);
      return { token: s.token, expiresAt: s.expiresAt, role: ch.role, recoveryCodes: codes };
    },
  );
}
