// The step after a correct password: a challenge for the code, or an enrolment with a new secret
// (shown once). One open challenge per user: a new sign-in replaces the previous one.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { seal, type SecretKey } from '../../access/secretBox.ts';
import { tokenHash } from '../../access/secrets.ts';
import { base32Encode, newTotpSecret, otpauthUri } from '../../access/totp.ts';
import { errors } from '../../errors.ts';
import { transaction } from '../transaction.ts';
import type { UserRow } from './findUser.ts';
import {
  CHALLENGE_MINUTES,
  ENROLMENT_MINUTES,
  LOCK_MINUTES,
  needKey,
  type SignInStep,
  secondFactorState,
  TOTP_ISSUER,
} from './secondFactor.ts';

/** The step after a correct password: a challenge for the code, or an enrolment with a new secret. */
export async function beginSecondFactor(pool: pg.Pool, key: SecretKey | undefined, user: UserRow): Promise<SignInStep> {
  const state = await secondFactorState(pool, user.id);
  if (state.locked) throw errors.secondFactorLocked(LOCK_MINUTES);
  const challenge = `chl_${randomBytes(32).toString('base64url')}`;
  return transaction(pool, async (c) => {
    // One open challenge per user: a new sign-in replaces the previous one.
    await c.query('DELETE FROM login_challenge WHERE user_id = $1', [user.id]);
    if (state.enrolled) {
      const r = await c.query<{ expires_at: Date }>(
        `INSERT INTO login_challenge (token_hash, user_id, kind, expires_at) VALUES ($1, $2, 'second_factor', now() + make_interval(mins => $3)) RETURNING expires_at`,
        [tokenHash(challenge), user.id, CHALLENGE_MINUTES],
      );
      return { status: 'second_factor_required', challenge, expiresAt: r.rows[0]!.expires_at.toISOString() };
    }
    const k = needKey(key);
    const secret = newTotpSecret();
    const r = await c.query<{ expires_at: Date }>(
      `INSERT INTO login_challenge (token_hash, user_id, kind, secret_box, key_id, expires_at) VALUES ($1, $2, 'enrolment', $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
      [tokenHash(challenge), user.id, seal(k, secret, user.id), k.id, ENROLMENT_MINUTES],
    );
    return {
      status: 'enrolment_required',
      challenge,
      expiresAt: r.rows[0]!.expires_at.toISOString(),
      secret: base32Encode(secret),
      otpauthUri: otpauthUri({ issuer: TOTP_ISSUER, account: user.username, secret }),
    };
  });
}
